import { AppError } from '../../core/errors';

/**
 * An Open311 refusal: the HTTP status (400, 403, 404 as the spec lists them; 429 when throttled) and the errors
 * shown to the user. The spec's body is a list of {code, description}; the code is the HTTP status.
 */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429,
    readonly description: string,
  ) {
    super(description);
  }
}

export const badRequest = (description: string) => new Open311Error(400, description);
export const notFound311 = (description: string) => new Open311Error(404, description);
export const forbidden311 = (description: string) => new Open311Error(403, description);

/**
 * Any error thrown on an Open311 route, as the spec's status and message. Errors of the rest of the platform keep
 * their message; their status folds into the three the spec knows (a refusal by a module's rule is a bad request).
 */
export function asOpen311(err: unknown): { status: number; description: string } | null {
  if (err instanceof Open311Error) return { status: err.status, description: err.description };
  if (err instanceof AppError) {
    const s = err.status;
    const status = s === 404 ? 404 : s === 403 || s === 401 ? 403 : s === 429 ? 429 : 400;
    return { status, description: err.field ? `${err.field}: ${err.message}` : err.message };
  }
  const e = err as { statusCode?: number; message?: string; code?: string };
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500)
    return { status: e.statusCode === 404 ? 404 : 400, description: e.message ?? 'Bad request' };
  return null;
}
