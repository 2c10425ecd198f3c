import { describe, expect, it } from 'vitest';
import { CASE_ACTION_LABELS, CASE_ACTIONS } from './case-actions';
import { A, NOW, snap, WINDOW_END } from './case-fixtures.test-util';
import { intakeEntry } from './case-intake';
import { CASE_STATE_INFO, CASE_STATES, isTerminalState } from './case-states';
import { allowedActions, decidableRequests, rowsFor, TRANSITIONS } from './case-workflow';
import {
  CaseActionSchema,
  CaseStateSchema,
  CaseTransitionRequestSchema,
} from './case-workflow.schemas';

describe('allowedActions (UI next steps)', () => {
  it('offers the intake operator the intake decisions', () => {
    expect(allowedActions(snap(), A.intake)).toEqual([
      'accept',
      'reject',
      'send_verify',
      'merge',
      'urge',
      'set_flags',
    ]);
    expect(allowedActions(snap(), A.outOfScopeIntake)).toEqual([]);
  });

  it('offers the handler 签收 once, and nothing to another department', () => {
    const c = snap({ state: 'handling', handlingDeptId: 'dept-a' });
    expect(allowedActions(c, A.handler)).toEqual([
      'acknowledge',
      'submit_feedback',
      'request_send_back',
      'request_extension',
      'request_suspension',
      'request_void',
    ]);
    expect(allowedActions({ ...c, acknowledged: true }, A.handler)).not.toContain('acknowledge');
    expect(allowedActions(c, A.otherDeptHandler)).toEqual([]);
  });

  it('hides 结案 from a 值班长 of the handling department', () => {
    const c = snap({ state: 'pending_close', handlingDeptId: 'dept-a' });
    expect(allowedActions(c, A.shift)).toContain('close');
    expect(allowedActions(c, A.deptShift)).not.toContain('close');
  });

  it('offers the citizen 评价 and 重开 on their closed case, inside the window', () => {
    const c = snap({ state: 'closed', closedAt: NOW, reopenWindowEndsAt: WINDOW_END });
    expect(allowedActions(c, A.citizen)).toEqual(['rate', 'request_reopen']);
    expect(allowedActions(c, A.otherCitizen)).toEqual([]);
    expect(
      allowedActions({ ...c, reopenWindowEndsAt: '2026-03-01T00:00:00.000Z' }, A.citizen),
    ).toEqual(['rate']);
  });

  it('lists the open requests an approver may decide', () => {
    const c = snap({
      state: 'handling',
      handlingDeptId: 'dept-a',
      pendingRequests: {
        extension: { type: 'extension', byUserId: 'u-handler', reason: 'x', at: NOW },
        void: { type: 'void', byUserId: 'u-handler', reason: 'x', at: NOW },
      },
    });
    expect(decidableRequests(c, A.dispatcher)).toEqual(['extension']);
    expect(decidableRequests(c, A.shift)).toEqual(['void']);
    expect(allowedActions(c, A.dispatcher)).toEqual(
      expect.arrayContaining(['approve_request', 'refuse_request']),
    );
  });
});

describe('intake entry (§5)', () => {
  it('puts each channel in its entry state', () => {
    expect(intakeEntry({ source: 'video_ai', reporterId: null }).state).toBe('candidate');
    expect(intakeEntry({ source: 'public', reporterId: 'c1' }).state).toBe('pending_acceptance');
    expect(intakeEntry({ source: 'hotline_12345', reporterId: null }).state).toBe(
      'pending_acceptance',
    );
    expect(intakeEntry({ source: 'patrol', reporterId: 'u-insp' }).state).toBe(
      'pending_acceptance',
    );
    expect(intakeEntry({ source: 'staff_entry', reporterId: 'u-intake' }).state).toBe(
      'pending_acceptance',
    );
  });

  it('gives 领导交办 normal 督办 and skips 立案 when the leader names the department', () => {
    const plain = intakeEntry({ source: 'leader', reporterId: 'u-leader' });
    expect(plain.state).toBe('pending_registration');
    expect(plain.effects).toContainEqual({
      type: 'raise_supervision',
      level: 'normal',
      issuerId: 'u-leader',
    });
    const named = intakeEntry({
      source: 'leader',
      reporterId: 'u-leader',
      leaderNamedDepartment: true,
    });
    expect(named.state).toBe('pending_dispatch');
    expect(named.effects).toContainEqual({ type: 'start_case_clock', cause: 'register' });
  });
});

describe('catalogue', () => {
  it('labels every state and action in Chinese and English', () => {
    for (const s of CASE_STATES) expect(CASE_STATE_INFO[s].zh).toMatch(/[\u4e00-\u9fff]/);
    for (const a of CASE_ACTIONS) expect(CASE_ACTION_LABELS[a].en.length).toBeGreaterThan(0);
  });

  it('uses every action somewhere in the table and never leaves a terminal state except closed', () => {
    for (const a of CASE_ACTIONS)
      expect(
        TRANSITIONS.some((r) => r.action === a),
        a,
      ).toBe(true);
    for (const s of CASE_STATES.filter((x) => isTerminalState(x) && x !== 'closed')) {
      for (const a of CASE_ACTIONS) expect(rowsFor(s, a)).toEqual([]);
    }
  });
});

describe('transition request schema', () => {
  it('accepts a well-formed body and rejects a bad one', () => {
    const ok = CaseTransitionRequestSchema.safeParse({
      action: 'close',
      version: 3,
      closeReason: 'fixed',
      photos: ['att-1'],
      gps: { lng: 113.6, lat: 34.7 },
    });
    expect(ok.success).toBe(true);
    expect(CaseTransitionRequestSchema.safeParse({ action: 'close', version: 1.5 }).success).toBe(
      false,
    );
    expect(CaseTransitionRequestSchema.safeParse({ action: 'fly', version: 1 }).success).toBe(
      false,
    );
    expect(
      CaseTransitionRequestSchema.safeParse({ action: 'close', version: 1, closeReason: 'done' })
        .success,
    ).toBe(false);
  });

  it('never lets the client supply server facts', () => {
    const parsed = CaseTransitionRequestSchema.parse({
      action: 'verify_true',
      version: 1,
      facts: { gpsInGrid: true },
    });
    expect('facts' in parsed).toBe(false);
  });

  it('exposes the string unions', () => {
    expect(CaseStateSchema.options).toEqual([...CASE_STATES]);
    expect(CaseActionSchema.options).toEqual([...CASE_ACTIONS]);
  });
});
