import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to embedded PGlite in .varde on port 3000', () => {
    const config = loadConfig({}, '/srv/varde');
    expect(config).toMatchObject({
      port: 3000,
      demo: false,
      database: { kind: 'pglite', dataDir: '/srv/varde/.varde/pglite' },
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set, and VARDE_DATA_DIR moves the data folder', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://x@h/db',
    });
    expect(loadConfig({ VARDE_DATA_DIR: 'data-here' }, '/srv').dataDir).toBe('/srv/data-here');
  });

  it('refuses invalid values and names the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ VARDE_DEMO: 'kanskje' })).toThrow(/VARDE_DEMO/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://helseid-sts.test.nhn.no' })).toThrow(
      /OIDC_CLIENT_ID and OIDC_PRIVATE_JWK/,
    );
  });

  it('refuses the demo login together with a real identity provider or a PostgreSQL server', () => {
    expect(() =>
      loadConfig({ VARDE_DEMO: 'true', OIDC_ISSUER: 'https://idp', OIDC_CLIENT_ID: 'c', OIDC_PRIVATE_JWK: '{}' }),
    ).toThrow(/demo/i);
    expect(() => loadConfig({ VARDE_DEMO: 'true', DATABASE_URL: 'postgres://x@h/db' })).toThrow(/demo/i);
  });
});
