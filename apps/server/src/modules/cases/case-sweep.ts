import { decide, type SupervisionLevel } from '@wangge/shared';
import { FULL_SCOPE } from '../../core/auth/area-scope';
import { cardLevel, elapsed, type WorkCalendar } from '../calendar';
import { readStored, toSnapshot } from './case-record';
import type { CasesRepo } from './cases.repo';
import type { CasesTable } from './cases.tables';

const RANK: Record<SupervisionLevel | 'none', number> = { none: 0, normal: 1, yellow: 2, red: 3 };

export interface SweepDeps {
  repo: CasesRepo;
  calendar: () => WorkCalendar;
  /** Card thresholds of the case's 立案条件 (defaults 1.0 / 2.0 of the step limit). */
  thresholds(conditionId: string | null): Promise<{ yellowAt?: number; redAt?: number }>;
  /** Applies one system action to a case (the same path as a user's transition). */
  apply(row: CasesTable, level: SupervisionLevel, note: string): Promise<void>;
}

/**
 * The minute sweep of §3.3: overdue steps raise 督办 automatically — a yellow card once a
 * step passes its yellow limit, a red one at the red limit or when the overall deadline has
 * passed. Deadlines are stored, so any process may sweep; the version check makes a card
 * raised twice at once land once.
 */
export async function sweepOverdue(
  deps: SweepDeps,
  now: Date,
  batch = 200,
): Promise<{ checked: number; raised: number }> {
  const cal = deps.calendar();
  const rows = await deps.repo.overdue(FULL_SCOPE, now.toISOString(), batch);
  let raised = 0;
  for (const row of rows) {
    const stored = readStored(row);
    let worst: 'none' | 'yellow' | 'red' = 'none';
    const t = await deps.thresholds(row.condition_id);
    for (const c of Object.values(stored.clocks)) {
      if (!c || c.remaining !== undefined) continue;
      const card = cardLevel(
        elapsed(cal, new Date(c.startedAt), now, c.limit.type) / c.limit.value,
        t,
      );
      if (RANK[card] > RANK[worst]) worst = card;
    }
    if (row.deadline_at && row.deadline_at < now.toISOString()) worst = 'red';
    // The 12345 centre's own deadline passed: red like our overall deadline (its due_at brought the case here).
    if (stored.externalDeadline && stored.externalDeadline < now.toISOString()) worst = 'red';
    const current = stored.supervision?.level ?? 'none';
    if (worst === 'none' || RANK[worst] <= RANK[current]) continue;
    const check = decide(
      toSnapshot(row, stored),
      'supervise',
      {
        userId: 'system',
        roleCodes: ['system'],
        departmentId: null,
        inScope: true,
        now: now.toISOString(),
      },
      { level: worst },
    );
    if (!check.ok) continue;
    await deps.apply(row, worst, worst === 'red' ? '超时红牌督办' : '超时黄牌督办').then(
      () => raised++,
      () => undefined, // someone else changed the case meanwhile; the next sweep looks again
    );
  }
  return { checked: rows.length, raised };
}
