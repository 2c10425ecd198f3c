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

/**
 * A clash with a record the caller may not see (an ID number or credit code registered in another area). This is the
 * whole answer, in forms and import reports alike: it never says who, where or what, and the district resolves it.
 */
export const CONFLICT_ELSEWHERE = '与已有记录冲突，请联系区级管理员';
export const conflictElsewhere = (field: string): AppError =>
  new AppError('duplicate', CONFLICT_ELSEWHERE, { field });

/** Exhaustiveness guard for switches over string unions. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable: ${String(value)}`);
}
