import { ERROR_MESSAGES_ZH, ERROR_STATUS, type ErrorCode } from '@wangge/shared';

/** A failed API call: the server's stable error code plus its (Chinese) message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly body: unknown;

  constructor(input: { status: number; code: string; message: string; field?: string | undefined; body?: unknown }) {
    super(input.message);
    this.name = 'ApiError';
    this.status = input.status;
    this.code = input.code;
    this.field = input.field;
    this.body = input.body;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

// The CSRF token lives in memory only: it comes with login and /auth/me, never from storage.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** For requests that cannot go through apiRequest (raw uploads with progress). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Builds an ApiError from a status and a parsed error body (for XHR uploads). */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  return toApiError(status, body);
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Non-2xx statuses whose JSON body is a normal answer (e.g. 422 import reports). */
  acceptStatus?: readonly number[];
}

function buildUrl(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_STATUS, code);
}

function defaultCodeFor(status: number): ErrorCode {
  const match = Object.entries(ERROR_STATUS).find(([, s]) => s === status);
  return match && isErrorCode(match[0]) ? match[0] : 'internal';
}

function toApiError(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const err = (body as { error: unknown }).error;
    if (typeof err === 'object' && err !== null) {
      const e = err as { code?: unknown; message?: unknown; field?: unknown };
      const code = typeof e.code === 'string' ? e.code : defaultCodeFor(status);
      const fallback = isErrorCode(code) ? ERROR_MESSAGES_ZH[code] : ERROR_MESSAGES_ZH.internal;
      return new ApiError({
        status,
        code,
        message: typeof e.message === 'string' && e.message ? e.message : fallback,
        field: typeof e.field === 'string' ? e.field : undefined,
        body,
      });
    }
  }
  const code = defaultCodeFor(status);
  return new ApiError({ status, code, message: ERROR_MESSAGES_ZH[code], body });
}

/** Calls the JSON API. Resolves with the parsed body, rejects with an ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ status: 0, code: 'network', message: '网络连接失败，请检查服务器是否可用' });
  }

  const text = await res.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (res.ok || options.acceptStatus?.includes(res.status)) return body as T;
  throw toApiError(res.status, body);
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body: body ?? {} }),
};
