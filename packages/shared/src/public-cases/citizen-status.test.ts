import { describe, expect, it } from 'vitest';
import { CASE_STATE_INFO, CASE_STATES } from '../cases/case-states';
import {
  CITIZEN_STATUS_OF_STATE,
  PUBLIC_CASE_STATUSES,
  PUBLIC_CASE_STATUS_LABELS,
  citizenStatus,
} from './citizen-status';

describe('citizen status of every case state', () => {
  it('maps every state of the case table, and nothing else', () => {
    expect(Object.keys(CITIZEN_STATUS_OF_STATE).sort()).toEqual([...CASE_STATES].sort());
  });

  it('uses every citizen status, each with Chinese and English wording', () => {
    expect(new Set(Object.values(CITIZEN_STATUS_OF_STATE))).toEqual(new Set(PUBLIC_CASE_STATUSES));
    for (const s of PUBLIC_CASE_STATUSES) {
      expect(PUBLIC_CASE_STATUS_LABELS[s].zh).toMatch(/\p{Script=Han}/u);
      expect(PUBLIC_CASE_STATUS_LABELS[s].en).toMatch(/^[A-Z]/);
    }
  });

  // What staff see and what the citizen is told say the same thing, state by state.
  it.each([
    ['candidate', '待受理'],
    ['pending_acceptance', '待受理'],
    ['verifying', '核实中'],
    ['pending_registration', '已受理'],
    ['pending_dispatch', '已立案'],
    ['handling', '处置中'],
    ['suspended', '暂缓处置'],
    ['feedback_review', '处置完成，核查中'],
    ['pending_check', '处置完成，核查中'],
    ['checking', '处置完成，核查中'],
    ['pending_close', '处置完成，核查中'],
    ['closed', '已办结'],
    ['rejected', '不予受理'],
    ['voided', '已作废'],
    ['merged', '已合并'],
    ['dismissed', '未予处理'],
  ] as const)('%s (staff: see CASE_STATE_INFO) → %s', (state, zh) => {
    expect(CASE_STATE_INFO[state]).toBeDefined();
    expect(PUBLIC_CASE_STATUS_LABELS[citizenStatus(state)].zh).toBe(zh);
  });

  it('never tells a citizen the case is accepted before a 受理员 accepted it', () => {
    for (const s of ['candidate', 'pending_acceptance', 'verifying'] as const)
      expect(PUBLIC_CASE_STATUS_LABELS[citizenStatus(s)].zh).not.toContain('已受理');
  });
});
