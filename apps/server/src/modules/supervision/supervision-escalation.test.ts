import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPERVISION_SETTINGS } from '@wangge/shared';
import { defaultWorkCalendar } from '../calendar';
import type { SupervisionDigest } from '../cases';
import { dueForEscalation } from './supervision-escalation';

const cal = defaultWorkCalendar();
// Friday 2026-12-04 09:00 in Shanghai: 6.5 working hours left that day.
const FRIDAY = '2026-12-04T01:00:00.000Z';

function digest(
  over: Partial<NonNullable<SupervisionDigest['supervision']>> = {},
): SupervisionDigest {
  return {
    caseId: 'c1',
    caseNo: 'AJ1',
    state: 'handling',
    version: 3,
    address: '',
    description: '',
    gridCode: '41010100100101',
    handlingDeptId: null,
    dueAt: null,
    overdue: false,
    light: null,
    issuerId: 'u1',
    levelSince: over.escalatedAt ?? over.raisedAt ?? FRIDAY,
    instructions: [],
    supervision: {
      level: 'normal',
      raisedBy: '李主任',
      raisedAt: FRIDAY,
      note: null,
      replied: false,
      reply: null,
      leaderLevel: 'street',
      escalatedAt: null,
      ...over,
    },
  };
}
const due = (d: SupervisionDigest, at: string) =>
  dueForEscalation([d], cal, DEFAULT_SUPERVISION_SETTINGS, new Date(at));

describe('dueForEscalation', () => {
  it('is due at 8 working hours, counted over the weekend in working time', () => {
    expect(due(digest(), '2026-12-06T12:00:00+08:00')).toEqual([]); // Sunday: 6.5 h
    expect(due(digest(), '2026-12-07T09:59:00+08:00')).toEqual([]); // Monday: 7.98 h
    const [d] = due(digest(), '2026-12-07T10:00:00+08:00');
    expect(d?.note).toBe('督办超过 8 个工作小时未回复，升级至区领导');
  });

  it('never for an answered 督办, one at the top, or a case without one', () => {
    const late = '2026-12-21T10:00:00+08:00';
    expect(due(digest({ replied: true }), late)).toEqual([]);
    expect(due(digest({ leaderLevel: 'district' }), late)).toEqual([]);
    expect(due({ ...digest(), supervision: null, levelSince: null }, late)).toEqual([]);
  });

  it('counts from the last escalation, and below the community level goes to the community first', () => {
    const since = '2026-12-07T02:00:00.000Z'; // Monday 10:00
    const up = digest({ leaderLevel: 'community', escalatedAt: since });
    expect(due(up, '2026-12-07T17:00:00+08:00')).toEqual([]); // 5.5 h since
    expect(due(digest({ leaderLevel: null }), '2026-12-07T10:00:00+08:00')[0]?.note).toContain(
      '社区领导',
    );
  });
});
