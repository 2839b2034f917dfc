/**
 * Errors leave the server as JSON with a stable code: `{ error: { code, message, details } }`. Stack traces never
 * reach a client; unexpected errors are logged and answered as INTERNAL.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, isAppError, type ErrorDetail } from '../errors.js';

export interface ErrorBody {
  error: { code: string; message: string; details: readonly ErrorDetail[] };
}

function body(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.message, details: error.details } };
}

function fromFastifyError(error: FastifyError): AppError {
  if (error.validation) {
    const details = error.validation.map((v) => ({
      field: `${error.validationContext ?? 'request'}${v.instancePath || ''}`.replace(/\//g, '.'),
      message: v.message ?? 'invalid',
    }));
    return new AppError('VALIDATION_FAILED', 'The request is not valid', details);
  }
  if (error.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large');
  if (error.statusCode === 429) return new AppError('RATE_LIMITED', 'Too many requests, try again later');
  if (error.statusCode === 415 || error.statusCode === 400) return new AppError('BAD_REQUEST', error.message);
  if (error.statusCode === 404) return new AppError('NOT_FOUND', error.message);
  return new AppError('INTERNAL', 'Something went wrong on the server');
}

/** Requests for files (a missing script or image) get a 404; paths like /measures/4.6 are pages. */
const assetExtension = /\.(js|mjs|css|map|json|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|txt|webmanifest|pdf|xlsx|csv)$/i;

export function registerErrorHandling(app: FastifyInstance, options: { spaFallback: boolean }): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const appError = isAppError(error) ? error : fromFastifyError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.status(appError.status).send(body(appError));
  });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (options.spaFallback && request.method === 'GET' && !url.startsWith('/api/') && !assetExtension.test(url)) {
      // A client-side route of the web UI: answer with the app, which renders the page (or its own "not found").
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send(body(new AppError('NOT_FOUND', `No route ${request.method} ${url}`)));
  });
}
