import type { FastifyError, FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { ERROR_MESSAGES_ZH, type ErrorCode } from '@wangge/shared';
import { AppError } from '../errors';

interface Body {
  error: { code: string; message: string; field?: string; details?: unknown };
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation_failed',
  FST_ERR_VALIDATION: 'validation_failed',
};

/** The one mapper from thrown errors to HTTP answers. Internals never reach the client. */
export function installErrorHandler(app: FastifyInstance, opts: { spaIndex?: boolean } = {}): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const send = (status: number, body: Body) => reply.status(status).send(body);

    if (err instanceof AppError) {
      return send(err.status, {
        error: {
          code: err.code,
          message: err.message,
          ...(err.field ? { field: err.field } : {}),
          ...(err.details !== undefined ? { details: err.details } : {}),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const path = first?.instancePath?.replace(/^\//, '').replaceAll('/', '.') ?? '';
      const where = err.validationContext ?? 'body';
      const field = path ? `${where === 'body' ? '' : `${where}.`}${path}` : where;
      return send(400, {
        error: {
          code: 'validation_failed',
          message: `${field}: ${first?.message ?? '输入有误'}`,
          field,
          details: err.validation.map((v) => ({ path: v.instancePath, message: v.message })),
        },
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return send(500, { error: { code: 'internal', message: ERROR_MESSAGES_ZH.internal } });
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) {
      const status =
        mapped === 'payload_too_large' ? 413 : mapped === 'unsupported_media_type' ? 415 : 400;
      // An unreadable body (bad JSON, empty, wrong length) is the body's fault as a whole: name it, as a zod
      // refusal names its field, so clients and tests can tell it from a missing field.
      const field =
        err.code!.startsWith('FST_ERR_CTP_') && mapped === 'validation_failed' ? 'body' : undefined;
      return send(status, {
        error: {
          code: mapped,
          message: `${ERROR_MESSAGES_ZH[mapped]}: ${err.message}`,
          ...(field ? { field } : {}),
        },
      });
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return send(err.statusCode, { error: { code: 'validation_failed', message: err.message } });
    }
    req.log.error({ err }, 'unhandled error');
    return send(500, { error: { code: 'internal', message: ERROR_MESSAGES_ZH.internal } });
  });

  app.setNotFoundHandler((req, reply) => {
    // Paths of the single-page app (/map, /areas…) get its index.html; unknown API paths a JSON 404.
    if (opts.spaIndex && req.method === 'GET' && !req.url.startsWith('/api/') && req.url !== '/api')
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply.status(404).send({
      error: {
        code: 'not_found',
        message: `没有这个接口: ${req.method} ${req.url.split('?')[0]}`,
      },
    });
  });
}
