import { describe, expect, it } from 'vitest';
import { outboundMessages, type LoggedEvent } from './hotline-messages';

const c = { id: 'c1', caseNo: 'AJ1', externalId: 'ZZ-1', state: 'closed', closeReason: 'fixed' };
let seq = 0;
const ev = (
  action: string,
  fromState: string | null,
  toState: string,
  data: unknown = {},
): LoggedEvent => ({
  seq: ++seq,
  action,
  fromState,
  toState,
  note: null,
  data,
  at: `2026-12-10T0${seq}:00:00.000Z`,
});

describe('what the centre hears of a case log', () => {
  it('接单 once, 办理进度 for our steps, 回单 with the last feedback and photos; the centre’s own moves not echoed', () => {
    seq = 0;
    const log = [
      ev('report', null, 'pending_acceptance'),
      ev('send_verify', 'pending_acceptance', 'verifying'),
      ev('verify_true', 'verifying', 'pending_registration'),
      ev('urge', 'pending_registration', 'pending_registration'),
      ev('register', 'pending_registration', 'pending_dispatch'),
      ev('dispatch', 'pending_dispatch', 'handling'),
      ev('submit_feedback', 'handling', 'feedback_review', { result: '已修复', photos: ['p1'] }),
      ev('accept_feedback', 'feedback_review', 'pending_check'),
      ev('check_pass', 'checking', 'pending_close', { photos: ['p2'] }),
      ev('close', 'pending_close', 'closed', { closeReason: 'fixed' }),
      ev('rate', 'closed', 'closed', { rating: 'satisfied' }),
    ];
    const out = outboundMessages(c, log, 'https://w.example/');
    expect(out.map((m) => [m.kind, m.dedupeKey])).toEqual([
      ['accept', 'c1:accept'],
      ['progress', 'c1:3'],
      ['progress', 'c1:5'],
      ['progress', 'c1:6'],
      ['progress', 'c1:7'],
      ['progress', 'c1:8'],
      ['progress', 'c1:9'],
      ['reply', 'c1:10'],
    ]);
    expect(out.at(-1)!.payload).toEqual({
      type: 'reply',
      orderId: 'ZZ-1',
      caseNo: 'AJ1',
      closeReason: 'fixed',
      result: '已修复',
      photos: [
        'https://w.example/api/attachments/p1/file?variant=public',
        'https://w.example/api/attachments/p2/file?variant=public',
      ],
      closedAt: log[9]!.at,
    });
    // The same log read twice gives the same keys: enqueueing is idempotent.
    expect(outboundMessages(c, log, null).map((m) => m.dedupeKey)).toEqual(
      out.map((m) => m.dedupeKey),
    );
  });

  it('退回 with the reason when we decline the order; a reopened case gets a second 回单', () => {
    seq = 0;
    const declined = outboundMessages(
      c,
      [
        ev('report', null, 'pending_acceptance'),
        ev('reject', 'pending_acceptance', 'rejected', { reason: '非本区' }),
      ],
      null,
    );
    expect(declined).toEqual([
      expect.objectContaining({
        kind: 'return',
        payload: expect.objectContaining({ reason: '非本区' }),
      }),
    ]);
    seq = 0;
    const reopened = outboundMessages(
      c,
      [
        ev('accept', 'pending_acceptance', 'pending_registration'),
        ev('close', 'pending_close', 'closed'),
        ev('approve_request', 'closed', 'pending_dispatch', { requestType: 'reopen' }),
        ev('close', 'pending_close', 'closed'),
      ],
      null,
    );
    expect(reopened.map((m) => m.kind)).toEqual(['accept', 'reply', 'progress', 'reply']);
    expect(reopened[2]!.payload).toMatchObject({
      requestType: 'reopen',
      stepName: expect.any(String),
    });
  });
});
