/**
 * A minimal user agent for the provider's side of a login, without a browser: follows redirects, keeps cookies
 * (by host and path), and submits oidc-provider's development login and consent forms. It stops at the first
 * redirect to the relying party's callback and returns that URL (with code, state and iss), so the test can hand
 * it to Varde exactly as a browser would.
 */
interface StoredCookie {
  readonly name: string;
  readonly value: string;
  readonly path: string;
}

export class ProviderUserAgent {
  private readonly jar = new Map<string, StoredCookie[]>();

  private cookieHeader(url: URL): string {
    return (this.jar.get(url.host) ?? [])
      .filter((c) => url.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private store(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) || '/';
      const expired = attributes.some((a) => /^expires=thu, 01 jan 1970/i.test(a)) || value === '';
      const others = (this.jar.get(url.host) ?? []).filter((c) => !(c.name === name && c.path === path));
      this.jar.set(url.host, expired ? others : [...others, { name, value, path }]);
    }
  }

  private async send(url: URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookieHeader(url) };
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    this.store(url, response);
    return response;
  }

  /**
   * Logs in at the provider as `login` (the development form takes any password) and grants consent. Returns the
   * callback URL the provider redirects to.
   */
  async login(authorizationUrl: string, login: string, callbackPrefix: string): Promise<URL> {
    let url = new URL(authorizationUrl);
    let method = 'GET';
    let form: Record<string, string> | undefined;
    for (let step = 0; step < 20; step++) {
      const response = await this.send(url, { method, form });
      const location = response.headers.get('location');
      if (location) {
        const next = new URL(location, url);
        if (next.href.startsWith(callbackPrefix)) return next;
        url = next;
        method = 'GET';
        form = undefined;
        continue;
      }
      const html = await response.text();
      if (response.status >= 400) throw new Error(`provider answered ${response.status}: ${html.slice(0, 300)}`);
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`no form on the provider's page: ${html.slice(0, 300)}`);
      url = new URL(action.replaceAll('&amp;', '&'), url);
      method = 'POST';
      form = html.includes('name="login"') ? { prompt: 'login', login, password: 'test' } : { prompt: 'consent' };
    }
    throw new Error('too many redirects at the provider');
  }
}
