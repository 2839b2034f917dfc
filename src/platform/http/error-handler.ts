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

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const appError = isAppError(error) ? error : fromFastifyError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.status(appError.status).send(body(appError));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send(body(new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`)));
  });
}
