/** Principals and request helpers for the reporting API tests (test code only). */
import type { FastifyInstance } from 'fastify';
import { asPrincipal } from '../../../tests/support/test-app.js';
import type { Principal, Role } from '../../platform/http/access.js';

export function principal(
  userId: string,
  roles: Role[],
  actorIds: string[] = [],
  organisationId = `org-${userId}`,
): Principal {
  return {
    userId,
    displayName: `Test ${userId}`,
    sessionId: `s-${userId}`,
    organisationId,
    roles,
    actorIds,
    authMethod: 'test',
  };
}

export const directorate = principal('siri', ['strategy-owner'], [], 'org-ehelse');
export const secondReviewer = principal('per', ['strategy-owner'], [], 'org-ehelse');
export const nhnOwner = principal('nora', ['measure-owner'], ['nhn', 'helsecert'], 'org-nhn');
export const tilsynOwner = principal('tor', ['measure-owner'], ['helsetilsynet'], 'org-helsetilsynet');
export const ehelseOwner = principal('eva', ['measure-owner'], ['e-helse'], 'org-ehelse');
export const ministry = principal('henrik', ['ministry-reader'], [], 'org-hod');
export const admin = principal('erik', ['administrator'], [], 'org-ehelse');

export function client(app: FastifyInstance) {
  const call = async (
    who: Principal,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
  ) => {
    const response = await app.inject({
      method,
      url: `/api/v1/reporting${url}`,
      headers: asPrincipal(who),
      ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
    });
    const type = String(response.headers['content-type'] ?? '');
    return {
      status: response.statusCode,
      body: (type.includes('json') ? response.json() : null) as any,
      raw: response.rawPayload,
      headers: response.headers,
    };
  };
  return {
    call,
    get: (who: Principal, url: string) => call(who, 'GET', url),
    post: (who: Principal, url: string, body: unknown = {}) => call(who, 'POST', url, body),
    patch: (who: Principal, url: string, body: unknown) => call(who, 'PATCH', url, body),
  };
}

export const completeContent = {
  status: 'in-progress',
  progress: 'Sensornettet er utvidet til alle regionale helseforetak, og analyseplattformen er tatt i bruk.',
  contribution: {
    level: 'medium',
    text: 'Flere hendelser oppdages tidligere, noe som styrker målet om å avdekke angrep.',
  },
  indicators: [{ name: 'Virksomheter tilknyttet', value: 42, unit: 'stk', target: 60, note: '' }],
  nextSteps: 'Utvide til kommunale tjenester.',
  blockers: '',
  contact: { name: 'Nora Lie', email: 'nora.lie@nhn.example', phone: '' },
};

/** A multipart body with one file and a title. */
export function multipart(
  fileName: string,
  bytes: Buffer,
  title = '',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----varde-test-boundary';
  const parts = [
    `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${title}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  ];
  const payload = Buffer.concat([Buffer.from(parts.join('')), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
