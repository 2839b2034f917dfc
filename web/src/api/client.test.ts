/** The API client against a real HTTP server on a random port: error envelopes, credentials and the CSRF header. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, apiRequest, setCsrfTokenProvider, withQuery } from './client.js';

let server: http.Server;
let base = '';
const seen: { method: string; url: string; csrf: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        csrf: request.headers['x-csrf-token'] as string | undefined,
        body,
      });
      if (request.url === '/api/missing') {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            error: {
              code: 'MEASURE_NOT_FOUND',
              message: 'No measure "9.9"',
              details: [{ field: 'id', message: 'unknown' }],
            },
          }),
        );
      } else if (request.url === '/api/html-error') {
        response.writeHead(502, { 'content-type': 'text/html' });
        response.end('<h1>Bad gateway</h1>');
      } else if (request.url === '/api/empty') {
        response.writeHead(204);
        response.end();
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ok: true }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  setCsrfTokenProvider(() => null);
  await new Promise((resolve) => server.close(resolve));
});

describe('apiRequest', () => {
  it('returns the JSON answer', async () => {
    expect(await apiRequest<{ ok: boolean }>(`${base}/api/ok`)).toEqual({ ok: true });
  });

  it('turns the error envelope into an ApiError with its code, status and details', async () => {
    const error = await apiRequest(`${base}/api/missing`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'MEASURE_NOT_FOUND',
      status: 404,
      details: [{ field: 'id', message: 'unknown' }],
    });
  });

  it('gives a usable error for an answer that is not the envelope', async () => {
    const error = await apiRequest(`${base}/api/html-error`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INTERNAL', status: 502 });
  });

  it('reports an unreachable server as NETWORK', async () => {
    const error = await apiRequest('http://127.0.0.1:1/api/ok').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK', status: 0 });
  });

  it('sends the CSRF token on unsafe methods only, and JSON bodies', async () => {
    setCsrfTokenProvider(async () => 'token-123');
    seen.length = 0;
    await apiRequest(`${base}/api/ok`);
    await apiRequest(`${base}/api/empty`, { method: 'POST', body: { status: 'on-track' } });
    expect(seen[0]).toMatchObject({ method: 'GET', csrf: undefined });
    expect(seen[1]).toMatchObject({ method: 'POST', csrf: 'token-123', body: '{"status":"on-track"}' });
  });
});

describe('withQuery', () => {
  it('keeps only values that are set', () => {
    expect(withQuery('/api/v1/catalogue/measures', { area: '4', actor: undefined, q: '' })).toBe(
      '/api/v1/catalogue/measures?area=4',
    );
    expect(withQuery('/x', {})).toBe('/x');
  });
});
