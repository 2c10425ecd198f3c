import { appendFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { ERROR_STATUS, type ErrorCode } from '@wangge/shared';

/** The error body every refusal carries (core/http/error-handler.ts). */
export interface RefusalBody {
  code: string;
  message: string;
  field?: string;
  details?: unknown;
}

/**
 * Asserts a refusal by its stable error code and, where the error names one, its field — a status alone passes
 * for the wrong reason too (a 400 for a typo in the test's body instead of the rule under test). The status
 * defaults to the code's status in the shared table. The field is always compared: leaving it out asserts that
 * the error names none, so a refusal that gains or loses its field shows up here.
 * Returns the error body for further checks.
 */
export function expectRefusal(
  res: LightMyRequestResponse,
  want: { status?: number; code: ErrorCode; field?: string | undefined },
): RefusalBody {
  const error = (safeJson(res) as { error?: RefusalBody } | undefined)?.error;
  const got = { status: res.statusCode, code: error?.code, field: error?.field };
  const recordTo = process.env.REFUSAL_RECORD;
  if (recordTo && String(want.code).startsWith('?')) {
    // Used once to fill in codes when converting status-only assertions; never in CI.
    appendFileSync(recordTo, `${JSON.stringify({ id: want.code, ...got })}\n`);
    return error ?? { code: '', message: '' };
  }
  expect(got, `refusal: ${res.body.slice(0, 300)}`).toEqual({
    status: want.status ?? ERROR_STATUS[want.code],
    code: want.code,
    field: want.field,
  });
  return error!;
}

function safeJson(res: LightMyRequestResponse): unknown {
  try {
    return res.json();
  } catch {
    return undefined;
  }
}
