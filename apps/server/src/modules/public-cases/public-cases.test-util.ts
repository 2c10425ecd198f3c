import { expect } from 'vitest';
import type { TestApp } from '../../../test/test-app';
import { CITY } from '../../../test/factories';
import { photo, step, type CaseCast } from '../cases/cases.test-util';
import { solvePow } from './public-pow';

/** A solved challenge from the server, as the browser's worker finds it. */
export async function solvedPow(t: TestApp, ip = '203.0.113.7') {
  const c = (
    await t.app.inject({ method: 'GET', url: '/api/public/challenge', remoteAddress: ip })
  ).json() as { challenge: string; difficulty: number };
  return { challenge: c.challenge, nonce: solvePow(c.challenge, c.difficulty) };
}

/** A citizen's request from an address of its own (the per-IP throttles key on it). */
export function citizen(t: TestApp, ip = '203.0.113.7') {
  const inject = (
    method: 'GET' | 'POST',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      remoteAddress: ip,
      headers,
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  return {
    report: async (extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      inject(
        'POST',
        '/api/public/cases',
        {
          lng: CITY.inA[0],
          lat: CITY.inA[1],
          address: '西社区文化路 12 号门前',
          description: '路边堆放生活垃圾，无人清理',
          classCode: '06010',
          pow: await solvedPow(t, ip),
          ...extra,
        },
        headers,
      ),
    track: (caseNo: string, secret: string) =>
      inject('GET', `/api/public/cases/${caseNo}`, undefined, { 'x-receipt': secret }),
    rate: (caseNo: string, body: Record<string, unknown>) =>
      inject('POST', `/api/public/cases/${caseNo}/rating`, body),
    reopen: (caseNo: string, body: Record<string, unknown>) =>
      inject('POST', `/api/public/cases/${caseNo}/reopen`, body),
  };
}

/** The staff id of a case by its number (as the 受理员 finds it in the queue). */
export async function caseIdOf(cast: CaseCast, caseNo: string): Promise<string> {
  const items = (await cast.admin.get('/api/cases?limit=200')).json().items as {
    id: string;
    caseNo: string;
  }[];
  const found = items.find((c) => c.caseNo === caseNo);
  expect(found, caseNo).toBeDefined();
  return found!.id;
}

/** Walks a case from 待受理 to 已结案 with the right people at every step. */
export async function walkToClosed(t: TestApp, cast: CaseCast, id: string): Promise<void> {
  await step(cast, cast.intake, id, 'accept');
  await walkRegisteredToClosed(t, cast, id);
}

export async function walkRegisteredToClosed(
  t: TestApp,
  cast: CaseCast,
  id: string,
): Promise<void> {
  await step(cast, cast.shift, id, 'register', {
    classCode: '06010',
    conditionId: cast.conditionId,
  });
  await step(cast, cast.dispatcher, id, 'dispatch', { departmentId: cast.deptId });
  await step(cast, cast.handler, id, 'acknowledge');
  await step(cast, cast.handler, id, 'submit_feedback', {
    result: '垃圾已清运完毕',
    photos: [await photo(t, cast.handler)],
  });
  await step(cast, cast.dispatcher, id, 'accept_feedback');
  await step(cast, cast.intake, id, 'send_check', { assigneeId: cast.inspectorId });
  await step(cast, cast.inspector, id, 'check_pass', { photos: [await photo(t, cast.inspector)] });
  await step(cast, cast.shift, id, 'close', {
    closeReason: 'fixed',
    note: '内部备注：环卫班组张三处理',
  });
}

/** One item of the open board as a resident's browser reads it. */
export interface BoardItem {
  id: string;
  text: string | null;
  photos: string[];
  point: [number, number] | null;
  locationHidden: boolean;
  supporters: number;
  areaName: string | null;
}

/** Reads of the open board from one outside address (the app is created in beforeAll, hence the getter). */
export function boardReader(app: () => TestApp) {
  const get = (url: string, ip = '203.0.113.90') =>
    app().app.inject({ method: 'GET', url, remoteAddress: ip });
  const board = async () => {
    const res = await get('/api/public/board');
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const items = async () => (await board()).json().items as BoardItem[];
  return { get, board, items };
}

/** A refusal: status, stable code and, when given, the field. */
export function refused(
  res: { statusCode: number; body: string; json(): { error: { code: string; field?: string } } },
  status: number,
  code: string,
  field?: string,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error.code).toBe(code);
  if (field) expect(res.json().error.field).toBe(field);
}
