import { describe, expect, it } from 'vitest';
import { apiErrorFrom, ApiError, isApiError, unwrapAccepting } from './api-client';

describe('apiErrorFrom', () => {
  it.each([
    // status, body → code, message, field
    [
      400,
      { error: { code: 'validation_failed', message: 'phone: 手机号格式不对', field: 'phone' } },
      'validation_failed',
      'phone: 手机号格式不对',
      'phone',
    ],
    [409, { error: { code: 'duplicate', message: '' } }, 'duplicate', '记录已存在', undefined],
    // A code this client does not know yet keeps the server's words.
    [418, { error: { code: 'teapot', message: '茶壶' } }, 'teapot', '茶壶', undefined],
    [418, { error: { code: 'teapot' } }, 'teapot', '服务器内部错误', undefined],
    // No code: the status names one from the shared table.
    [404, { error: {} }, 'not_found', '记录不存在', undefined],
    [413, 'Request Entity Too Large', 'payload_too_large', '上传内容过大', undefined],
    [502, null, 'internal', '服务器内部错误', undefined],
    [
      400,
      { error: { code: 'validation_failed', message: 'x', field: 3 } },
      'validation_failed',
      'x',
      undefined,
    ],
  ])('%i %j → %s', (status, body, code, message, field) => {
    const err = apiErrorFrom(status, body);
    expect(isApiError(err)).toBe(true);
    expect({ status: err.status, code: err.code, message: err.message, field: err.field }).toEqual({
      status,
      code,
      message,
      field,
    });
    expect(err.body).toBe(body);
  });
});

describe('unwrapAccepting', () => {
  const answer = (status: number, payload: object) =>
    Promise.resolve(
      status < 300
        ? { data: payload, response: new Response(null, { status }) }
        : { error: payload, response: new Response(null, { status }) },
    );

  it('resolves with the body of a 2xx and of an accepted status, rejects others with an ApiError', async () => {
    await expect(unwrapAccepting(answer(200, { ok: true }), [422])).resolves.toEqual({ ok: true });
    const report = { ok: false, errors: [{ line: 2 }] };
    await expect(unwrapAccepting(answer(422, report), [422])).resolves.toEqual(report);
    const refused = unwrapAccepting(
      answer(403, { error: { code: 'forbidden', message: '不行' } }),
      [422],
    );
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
      message: '不行',
    });
  });

  it('reports a failed connection as a network error and passes an abort through', async () => {
    await expect(
      unwrapAccepting(Promise.reject(new TypeError('fetch failed')), []),
    ).rejects.toMatchObject({
      status: 0,
      code: 'network',
    });
    const abort = new DOMException('aborted', 'AbortError');
    await expect(unwrapAccepting(Promise.reject(abort), [])).rejects.toBe(abort);
    await expect(
      unwrapAccepting(Promise.reject(new SyntaxError('bad json')), []),
    ).rejects.toMatchObject({
      status: 500,
      code: 'internal',
    });
  });
});
