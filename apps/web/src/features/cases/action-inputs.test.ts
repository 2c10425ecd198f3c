import { describe, expect, it } from 'vitest';
import { TRANSITIONS, type CaseAction, type CaseState } from '@wangge/shared';
import { actionFields, DANGER_ACTIONS, OVERLAY_ACTIONS } from './action-inputs';

// The action form asks for what the shared transition table (the one the server decides with) requires, so these
// tests read the table too: a new required input in a row must show as a required field without touching the web.

const pairs = [...new Map(TRANSITIONS.map((r) => [`${r.from}/${r.action}`, r])).values()];

describe('actionFields', () => {
  it.each(pairs.map((r) => [r.from, r.action] as [CaseState, CaseAction]))(
    '%s → %s: every input of its rows is required; the note always offered, required only as an input',
    (state, action) => {
      const specs = actionFields(state, action);
      const inputs = new Set(
        TRANSITIONS.filter((r) => r.from === state && r.action === action).flatMap((r) => r.inputs),
      );
      for (const field of inputs) expect(specs).toContainEqual({ field, required: true });
      expect(specs).toContainEqual({ field: 'note', required: inputs.has('note') });
      expect(new Set(specs.map((s) => s.field)).size).toBe(specs.length);
    },
  );

  it('asks which request an approval decides, first', () => {
    for (const action of ['approve_request', 'refuse_request'] as const) {
      const row = TRANSITIONS.find((r) => r.action === action)!;
      expect(actionFields(row.from, action)[0]).toEqual({ field: 'requestType', required: true });
    }
  });

  it('narrows an approval to the rows of the chosen request type', () => {
    const approvals = TRANSITIONS.filter((r) => r.action === 'approve_request' && r.requestType);
    for (const r of approvals) {
      const fields = actionFields(r.from, 'approve_request', r.requestType)
        .filter((s) => s.required)
        .map((s) => s.field);
      const sameType = TRANSITIONS.filter(
        (o) =>
          o.from === r.from && o.action === 'approve_request' && o.requestType === r.requestType,
      ).flatMap((o) => o.inputs);
      expect(new Set(fields)).toEqual(new Set(['requestType', ...sameType]));
    }
  });

  it('always asks the 督办 level and offers a reason with a rating', () => {
    const supervise = TRANSITIONS.find((r) => r.action === 'supervise')!;
    expect(actionFields(supervise.from, 'supervise')).toContainEqual({
      field: 'level',
      required: true,
    });
    const rate = TRANSITIONS.find((r) => r.action === 'rate');
    if (rate)
      expect(actionFields(rate.from, 'rate')).toContainEqual({ field: 'reason', required: false });
  });

  it('offers only the note where the table has no row', () => {
    expect(actionFields('closed', 'dispatch')).toEqual([{ field: 'note', required: false }]);
  });
});

describe('action groups', () => {
  it('names only actions of the table, and no action is both danger and overlay', () => {
    const known = new Set(TRANSITIONS.map((r) => r.action));
    for (const a of [...DANGER_ACTIONS, ...OVERLAY_ACTIONS]) expect(known).toContain(a);
    for (const a of DANGER_ACTIONS) expect(OVERLAY_ACTIONS.has(a)).toBe(false);
  });
});
