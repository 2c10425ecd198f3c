import { describe, expect, it } from 'vitest';
import {
  A,
  at,
  code,
  dispatched,
  fullInput,
  LATER,
  NOW,
  snap,
  WINDOW_END,
} from './case-fixtures.test-util';
import { decide } from './case-workflow';

describe('pending requests: at most one open per type', () => {
  const handling = dispatched('handling');
  const ext = { type: 'extension', byUserId: 'u-handler', reason: '天气', at: NOW } as const;

  it('a second request of the same type is refused', () => {
    const c = { ...handling, pendingRequests: { extension: ext } };
    expect(code(c, 'request_extension', A.handler2)).toBe('request_pending');
  });

  it('requests of different types may be open together', () => {
    const c = { ...handling, pendingRequests: { extension: ext } };
    expect(code(c, 'request_suspension', A.handler)).toBe('ok');
    expect(code(c, 'request_send_back', A.handler)).toBe('ok');
  });

  it('a request needs something open to approve or refuse', () => {
    expect(
      code(handling, 'approve_request', A.dispatcher, fullInput({ requestType: 'extension' })),
    ).toBe('no_pending_request');
    expect(
      code(handling, 'refuse_request', A.dispatcher, fullInput({ requestType: 'extension' })),
    ).toBe('no_pending_request');
  });

  it('nobody approves their own request', () => {
    const both = { ...A.dispatcher, userId: 'u-handler' };
    const c = { ...handling, pendingRequests: { extension: ext } };
    expect(code(c, 'approve_request', both, fullInput({ requestType: 'extension' }))).toBe(
      'approver_is_requester',
    );
  });

  it('refusal keeps the state and records the reason; approval of 延期 moves the deadline', () => {
    const c = {
      ...handling,
      pendingRequests: {
        extension: { ...ext, extension: { value: 3, limitType: 'work_day' as const } },
      },
    };
    const refused = decide(c, 'refuse_request', A.dispatcher, {
      requestType: 'extension',
      reason: '时限充足',
    });
    expect(refused).toMatchObject({ ok: true, nextState: 'handling' });
    if (refused.ok)
      expect(refused.effects).toContainEqual({
        type: 'close_request',
        requestType: 'extension',
        outcome: 'refused',
        reason: '时限充足',
      });
    const approved = decide(c, 'approve_request', A.dispatcher, { requestType: 'extension' });
    if (!approved.ok) throw new Error(approved.message);
    expect(approved.effects).toContainEqual({
      type: 'extend_deadline',
      extension: { value: 3, limitType: 'work_day' },
    });
  });

  it('a request that cannot be decided in the new state lapses; one that can stays open', () => {
    const c = {
      ...handling,
      pendingRequests: { extension: ext, void: { ...ext, type: 'void' as const } },
    };
    const fed = decide(c, 'submit_feedback', A.handler, fullInput());
    if (!fed.ok) throw new Error(fed.message);
    expect(fed.effects).toContainEqual({
      type: 'close_request',
      requestType: 'extension',
      outcome: 'cancelled',
    });
    expect(fed.effects).toContainEqual({
      type: 'close_request',
      requestType: 'void',
      outcome: 'cancelled',
    });
    const sent = decide(
      { ...c, pendingRequests: { ...c.pendingRequests, send_back: { ...ext, type: 'send_back' } } },
      'approve_request',
      A.dispatcher,
      { requestType: 'send_back' },
    );
    if (!sent.ok) throw new Error(sent.message);
    // 作废 can still be decided in pending_dispatch, 延期 cannot.
    expect(sent.effects.filter((e) => e.type === 'close_request')).toEqual([
      { type: 'close_request', requestType: 'send_back', outcome: 'approved' },
      { type: 'close_request', requestType: 'extension', outcome: 'cancelled' },
    ]);
  });

  it('a 重开 request must come inside the window', () => {
    const closed = snap({ state: 'closed', closedAt: NOW, reopenWindowEndsAt: WINDOW_END });
    expect(code(closed, 'request_reopen', A.citizen)).toBe('ok');
    expect(code(closed, 'request_reopen', at(A.citizen, LATER))).toBe('window_expired');
    expect(
      code(
        {
          ...closed,
          pendingRequests: {
            reopen: { type: 'reopen', byUserId: 'reporter', reason: 'x', at: NOW },
          },
        },
        'request_reopen',
        A.intake,
      ),
    ).toBe('request_pending');
  });
});
