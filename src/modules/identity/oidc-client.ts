/**
 * The relying party, as HelseID expects it (FAPI 2.0 without mTLS): authorization code flow with PKCE (S256) sent
 * by pushed authorization request (PAR), client authentication with private_key_jwt, DPoP-bound tokens when the
 * provider offers DPoP, and the ID token checked for signature (JWKS), iss, aud, exp and nonce.
 * Discovery is done on first use and kept for 24 hours, so Varde starts even while the provider is away.
 */
import { webcrypto } from 'node:crypto';
import fs from 'node:fs';
import * as client from 'openid-client';
import { importJWK, type JWK } from 'jose';
import type { OidcConfig } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';

export interface DpopKey {
  readonly publicJwk: JsonWebKey;
  readonly privateJwk: JsonWebKey;
}

export interface LoginChecks {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly dpopKey: DpopKey | null;
}

export interface LoginResult {
  readonly claims: Record<string, unknown>;
  /** Kept on the server only. */
  readonly tokenSet: Record<string, unknown>;
}

export interface OidcClient {
  /** Sends the pushed authorization request and returns the URL to send the browser to. */
  startLogin(checks: LoginChecks, redirectUri: string): Promise<URL>;
  /** A fresh DPoP key when the provider supports DPoP, else null. */
  newDpopKey(): Promise<DpopKey | null>;
  /** Redeems the code from the callback URL and validates the ID token. Throws on any failed check. */
  finishLogin(callbackUrl: URL, checks: LoginChecks): Promise<LoginResult>;
  /** The provider's logout URL (RP-initiated logout), when it has one. */
  endSessionUrl(idToken: string | null, postLogoutRedirectUri: string): Promise<URL | null>;
}

export interface OidcClientOptions {
  /** Replaces fetch for every call to the provider (tests use it to tamper with responses). */
  readonly fetch?: client.CustomFetch;
}

const discoveryLifetimeMs = 24 * 3_600_000;

function readPrivateJwk(value: string): JWK {
  const text = value.trim().startsWith('{') ? value : fs.readFileSync(value, 'utf8');
  try {
    const jwk = JSON.parse(text) as JWK;
    if (!jwk.kty || !jwk.d) throw new Error('not a private key');
    return jwk;
  } catch (error) {
    throw new AppError('CONFIG_INVALID', 'OIDC_PRIVATE_JWK is not a private JSON Web Key (or a file holding one)', [
      { field: 'OIDC_PRIVATE_JWK', message: (error as Error).message },
    ]);
  }
}

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

async function toKeyPair(key: DpopKey): Promise<client.CryptoKeyPair> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' };
  return {
    privateKey: await webcrypto.subtle.importKey('jwk', key.privateJwk as webcrypto.JsonWebKey, algorithm, false, [
      'sign',
    ]),
    publicKey: await webcrypto.subtle.importKey('jwk', key.publicJwk as webcrypto.JsonWebKey, algorithm, true, [
      'verify',
    ]),
  } as client.CryptoKeyPair;
}

/**
 * Why the provider's answer was refused, in one line for the audit trail: the library's code and message, the
 * claim or parameter that failed, the provider's OAuth error, and the underlying cause. No token values.
 */
export function describeLoginError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current instanceof Error) {
      const e = current as Error & { code?: string; error?: string; error_description?: string };
      parts.push(`${e.code ?? e.name}: ${e.message}`);
      if (e.error) parts.push(`provider error ${e.error}${e.error_description ? ` (${e.error_description})` : ''}`);
      current = e.cause;
    } else if (typeof current === 'object') {
      const c = current as Record<string, unknown>;
      for (const key of ['claim', 'parameter', 'check', 'reason'])
        if (typeof c[key] === 'string') parts.push(`${key} ${c[key] as string}`);
      if (typeof c.error === 'string') parts.push(`provider error ${c.error}`);
      current = null;
    } else current = null;
  }
  return parts.join('; ');
}

export function createOidcClient(config: OidcConfig, options: OidcClientOptions = {}): OidcClient {
  const jwk = readPrivateJwk(config.privateJwk);
  const alg = jwk.alg ?? (jwk.kty === 'EC' ? 'ES256' : 'RS256');
  let discovered: { configuration: client.Configuration; at: number } | null = null;

  async function configuration(): Promise<client.Configuration> {
    if (discovered && Date.now() - discovered.at < discoveryLifetimeMs) return discovered.configuration;
    const issuer = new URL(config.issuer);
    const key = await importJWK(jwk, alg);
    const auth = client.PrivateKeyJwt({ key: key as CryptoKey, kid: jwk.kid } as client.PrivateKey);
    const execute = [client.enableNonRepudiationChecks];
    if (issuer.protocol === 'http:' && isLoopback(issuer)) execute.push(client.allowInsecureRequests);
    try {
      const found = await client.discovery(issuer, config.clientId, undefined, auth, {
        execute,
        ...(options.fetch ? { [client.customFetch]: options.fetch } : {}),
      });
      if (options.fetch) found[client.customFetch] = options.fetch;
      discovered = { configuration: found, at: Date.now() };
      return found;
    } catch (error) {
      throw new AppError('LOGIN_UNAVAILABLE', 'The identity provider cannot be reached', [], { cause: error });
    }
  }

  return {
    async newDpopKey() {
      const metadata = (await configuration()).serverMetadata();
      if (!metadata.dpop_signing_alg_values_supported?.includes('ES256')) return null;
      const pair = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
        'sign',
        'verify',
      ])) as webcrypto.CryptoKeyPair;
      return {
        publicJwk: (await webcrypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey,
        privateJwk: (await webcrypto.subtle.exportKey('jwk', pair.privateKey)) as JsonWebKey,
      };
    },

    async startLogin(checks, redirectUri) {
      const cfg = await configuration();
      const parameters = {
        redirect_uri: redirectUri,
        scope: config.scope,
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
      };
      const DPoP = checks.dpopKey ? client.getDPoPHandle(cfg, await toKeyPair(checks.dpopKey)) : undefined;
      return client.buildAuthorizationUrlWithPAR(cfg, parameters, DPoP ? { DPoP } : undefined);
    },

    async finishLogin(callbackUrl, checks) {
      const cfg = await configuration();
      const DPoP = checks.dpopKey ? client.getDPoPHandle(cfg, await toKeyPair(checks.dpopKey)) : undefined;
      const tokens = await client.authorizationCodeGrant(
        cfg,
        callbackUrl,
        {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        },
        undefined,
        DPoP ? { DPoP } : undefined,
      );
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token in the token response');
      const expiresIn = tokens.expiresIn();
      return {
        claims: { ...claims },
        tokenSet: {
          id_token: tokens.id_token,
          access_token: tokens.access_token,
          token_type: tokens.token_type,
          scope: tokens.scope,
          expires_at: expiresIn === undefined ? null : Date.now() + expiresIn * 1000,
          dpop_key: checks.dpopKey,
        },
      };
    },

    async endSessionUrl(idToken, postLogoutRedirectUri) {
      const cfg = await configuration();
      if (!cfg.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(cfg, {
        post_logout_redirect_uri: postLogoutRedirectUri,
        client_id: config.clientId,
        ...(idToken ? { id_token_hint: idToken } : {}),
      });
    },
  };
}
