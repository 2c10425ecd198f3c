/** The field app's HTTP: same-origin fetch with the session cookie and the CSRF header on writes. */

/** A refusal or failure; status 0 is "no network" (the operation stays queued). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The server's `details.reason`, where it gives one (e.g. in_progress). */
    readonly reason?: string,
  ) {
    super(message);
  }
}

let csrf: string | null = null;
export const setCsrf = (token: string | null): void => {
  csrf = token;
};

/**
 * A page opened offline has the user from the phone's copy but no CSRF token (it lives in memory only); the first
 * write back online fetches one from /api/auth/me, as does a write the server refused for a stale token.
 */
async function refreshCsrf(): Promise<void> {
  const s = await request<{ csrfToken: string }>('GET', '/api/auth/me');
  csrf = s.csrfToken;
}

export async function call<T>(
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  blob?: Blob,
): Promise<T> {
  // Signing in needs no token (it hands one out).
  if (method === 'GET' || url === '/api/auth/login') return request<T>(method, url, body, blob);
  if (!csrf) await refreshCsrf();
  try {
    return await request<T>(method, url, body, blob);
  } catch (err) {
    if (!(err instanceof ApiFailure) || err.code !== 'csrf_failed') throw err;
    await refreshCsrf();
    return request<T>(method, url, body, blob);
  }
}

async function request<T>(
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  blob?: Blob,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  if (blob) headers['content-type'] = blob.type || 'application/octet-stream';
  else if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: blob ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch {
    throw new ApiFailure(0, 'network', '网络不可用');
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const e = (
      json as {
        error?: { code?: string; message?: string; field?: string; details?: { reason?: string } };
      } | null
    )?.error;
    // A proxy's or the browser's own failure page while offline reads as no network.
    if (!e && res.status >= 500) throw new ApiFailure(0, 'network', `HTTP ${res.status}`);
    throw new ApiFailure(
      res.status,
      e?.code ?? 'internal',
      e?.message ?? `HTTP ${res.status}`,
      e?.field,
      e?.details?.reason,
    );
  }
  return json as T;
}
