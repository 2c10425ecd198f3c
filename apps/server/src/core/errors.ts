import { ERROR_MESSAGES_ZH, ERROR_STATUS, type ErrorCode } from '@wangge/shared';

/**
 * The one error type services throw. The HTTP status comes from the shared code table,
 * so a code means the same thing everywhere.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, opts: { field?: string; details?: unknown } = {}) {
    super(message ?? ERROR_MESSAGES_ZH[code]);
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = '记录'): AppError => new AppError('not_found', `${what}不存在`);
export const forbidden = (message?: string): AppError => new AppError('forbidden', message);
export const invalid = (field: string, message: string): AppError =>
  new AppError('validation_failed', message, { field });

/** Exhaustiveness guard for switches over string unions. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable: ${String(value)}`);
}
