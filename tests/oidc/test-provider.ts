/**
 * A local OpenID provider configured like HelseID, for the login tests: oidc-provider on 127.0.0.1 with a random
 * port; one confidential client that must use pushed authorization requests (PAR), PKCE (S256),
 * private_key_jwt client authentication and DPoP-bound tokens; accounts that carry HelseID's claims
 * (helseid://claims/identity/pid, hpr_number, security_level, and the organisation numbers orgnr_parent/child)
 * in the ID token. Logging in uses the provider's development login form (any password).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

export const helseIdScopes = [
  'openid',
  'profile',
  'helseid://scopes/identity/pid',
  'helseid://scopes/identity/security_level',
  'helseid://scopes/hpr/hpr_number',
] as const;

export interface TestAccount {
  readonly name: string;
  readonly pid?: string;
  readonly hprNumber?: string;
  readonly securityLevel: string;
  readonly orgnrParent?: string;
  readonly orgnrChild?: string;
}

export interface TestProvider {
  readonly issuer: string;
  readonly clientId: string;
  /** The client's private key, as OIDC_PRIVATE_JWK takes it. */
  readonly clientPrivateJwk: JWK;
  /** The provider's ID-token signing key (tests sign manipulated tokens with it). */
  readonly signingJwk: JWK;
  readonly provider: Provider;
  close(): Promise<void>;
}

export interface TestProviderOptions {
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string;
  readonly accounts: Readonly<Record<string, TestAccount>>;
}

async function keyPair(alg: 'ES256' | 'RS256', kid: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg, use: 'sig' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' },
  };
}

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = await keyPair('ES256', 'varde-client-1');
  const signing = await keyPair('RS256', 'provider-signing-1');
  const clientId = 'varde-test-client';

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        application_type: 'web',
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES256',
        jwks: { keys: [client.publicJwk as never] },
        require_pushed_authorization_requests: true,
        dpop_bound_access_tokens: true,
        id_token_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [signing.privateJwk as never] },
    clientAuthMethods: ['private_key_jwt'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: true },
      pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: true },
      dPoP: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    scopes: [...helseIdScopes],
    claims: {
      openid: ['sub', 'helseid://claims/client/claims/orgnr_parent', 'helseid://claims/client/claims/orgnr_child'],
      profile: ['name'],
      'helseid://scopes/identity/pid': ['helseid://claims/identity/pid'],
      'helseid://scopes/identity/security_level': ['helseid://claims/identity/security_level'],
      'helseid://scopes/hpr/hpr_number': ['helseid://claims/hpr/hpr_number'],
    },
    // HelseID puts the identity claims in the ID token.
    conformIdTokenClaims: false,
    cookies: { keys: ['varde-test-provider-cookie-key'] },
    async findAccount(_ctx, sub) {
      const account = options.accounts[sub];
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            name: account.name,
            'helseid://claims/identity/pid': account.pid,
            'helseid://claims/hpr/hpr_number': account.hprNumber,
            'helseid://claims/identity/security_level': account.securityLevel,
            'helseid://claims/client/claims/orgnr_parent': account.orgnrParent,
            'helseid://claims/client/claims/orgnr_child': account.orgnrChild,
          };
        },
      };
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.on('server_error', (_ctx: unknown, error: Error) => console.error('test provider error', error));
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientPrivateJwk: client.privateJwk,
    signingJwk: signing.privateJwk,
    provider,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
