import { describe, expect, it } from 'vitest';
import { CASE_STATE_INFO, type CaseState } from '@wangge/shared';
import {
  actionLabel,
  isCaseState,
  limitText,
  remainingText,
  roleLabel,
  stateColor,
  stateLabel,
} from './case-format';

const NOW = Date.parse('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('remainingText', () => {
  it.each([
    [125, '剩余 2小时5分', '2 h 5 min left'],
    [0, '剩余 0分', '0 min left'],
    [59, '剩余 59分', '59 min left'],
    [60, '剩余 1小时', '1 h left'],
    // From a day on, minutes are left out: the light matters, not the minute.
    [1440 + 185, '剩余 1天3小时', '1 d 3 h left'],
    [2 * 1440 + 1, '剩余 2天', '2 d left'],
    [-30, '超期 30分', '30 min overdue'],
    [-(1440 + 60), '超期 1天1小时', '1 d 1 h overdue'],
  ])('%i min → %s / %s', (minutes, zh, en) => {
    expect(remainingText(at(minutes), 'zh', NOW)).toBe(zh);
    expect(remainingText(at(minutes), 'en', NOW)).toBe(en);
  });
});

describe('labels', () => {
  it('names every state of the shared table in both languages, unknown codes as themselves', () => {
    for (const s of Object.keys(CASE_STATE_INFO)) {
      expect(isCaseState(s)).toBe(true);
      expect(stateLabel(s, 'zh')).toBe(CASE_STATE_INFO[s as CaseState].zh);
      expect(stateLabel(s, 'en')).toBe(CASE_STATE_INFO[s as CaseState].en);
    }
    expect(isCaseState('toString')).toBe(false);
    expect(stateLabel('no_such_state', 'zh')).toBe('no_such_state');
    expect(stateLabel(null, 'zh')).toBe('');
  });

  it('names the report event, roles and time limits', () => {
    expect(actionLabel('report', 'zh')).toBe('上报');
    expect(actionLabel('something_new', 'en')).toBe('something_new');
    expect(roleLabel('dispatcher', 'zh')).toBe('派遣员');
    expect(roleLabel(undefined, 'en')).toBe('');
    expect(limitText(3, 'work_day', 'zh')).toBe('3 工作日');
    expect(limitText(2, 'urgent_hour', 'en')).toBe('2 urgent hours');
  });
});

describe('stateColor', () => {
  it.each([
    ['closed', 'green'],
    ['pending_acceptance', 'blue'],
    ['pending_dispatch', 'purple'],
    ['handling', 'orange'],
    ['suspended', 'default'],
    ['not_a_state', 'default'],
  ])('%s → %s', (state, color) => expect(stateColor(state)).toBe(color));

  it('greys every ended state but closed', () => {
    for (const [s, info] of Object.entries(CASE_STATE_INFO))
      if (info.terminal && s !== 'closed') expect(stateColor(s)).toBe('default');
  });
});
