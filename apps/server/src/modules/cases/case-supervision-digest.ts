import type { SupervisionCase, SupervisionLeaderLevel } from '@wangge/shared';
import type { AreaScope } from '../../core/auth/area-scope';
import { clockViews, NO_DEADLINE } from './case-clocks';
import { worstLight } from './case-overview';
import { readStored } from './case-record';
import type { CasesContext } from './cases-context';
import type { CaseEventsTable, CasesTable } from './cases.tables';

/** The events of the 督办 thread and the 批示 (docs/supervision.md). */
const THREAD_ACTIONS = [
  'supervise',
  'reply_supervision',
  'escalate_supervision',
  'leader_instruct',
] as const;

/** A case as the supervision module needs it: the board's view plus what escalation decides on. */
export interface SupervisionDigest extends SupervisionCase {
  version: number;
  issuerId: string | null;
  /** When the current leader level's working time started: its last escalation, or its raising. */
  levelSince: string | null;
}

export interface DigestQuery {
  areaCode?: string | undefined;
  /** Also open cases whose running step is overdue (the board); otherwise only those under 督办. */
  includeOverdue: boolean;
  /** Read the 督办 thread and 批示 (the board, 我的督办); the escalation sweep needs only the snapshot. */
  thread: boolean;
  limit: number;
  /** Paging for the sweep, which reads every 督办 a page at a time. */
  offset?: number;
}

/**
 * 工作监督's read of the cases module: open cases under 督办 or overdue in a scope, each with its light, its current
 * 督办 (from the snapshot, the raising event and the reply after it) and the leaders' 批示 (from their events, which
 * name who gave them).
 */
export function createSupervisionDigest(ctx: CasesContext) {
  const { deps, repo } = ctx;
  return async function supervisionDigest(
    scope: AreaScope,
    q: DigestQuery,
  ): Promise<SupervisionDigest[]> {
    const now = deps.clock.now();
    const nowIso = now.toISOString();
    const cal = deps.calendar();
    const rows = await repo.supervisedOrOverdue(scope, {
      areaCode: q.areaCode,
      overdueBefore: q.includeOverdue ? nowIso : undefined,
      limit: q.limit,
      offset: q.offset ?? 0,
    });
    // 督办 raised before escalation existed carry no raisedAt: their raising event tells when.
    const needEvents = rows.filter(
      (r) => q.thread || (r.supervision_level && !readStored(r).supervision?.raisedAt),
    );
    const events = await repo.eventsOf(
      needEvents.map((r) => r.id),
      THREAD_ACTIONS,
    );
    const byCase = new Map<string, CaseEventsTable[]>();
    for (const e of events) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);
    return rows.map((row) => digestOf(row, byCase.get(row.id) ?? []));

    function digestOf(row: CasesTable, thread: CaseEventsTable[]): SupervisionDigest {
      const stored = readStored(row);
      const s = stored.supervision;
      const lights = clockViews(cal, stored.clocks, now)
        .filter((c) => !c.paused)
        .map((c) => c.light);
      const raising = thread.findLast((e) => e.action === 'supervise');
      const reply = raising
        ? thread.findLast((e) => e.action === 'reply_supervision' && e.seq > raising.seq)
        : undefined;
      const raisedAt = s?.raisedAt ?? raising?.at ?? row.created_at;
      return {
        caseId: row.id,
        caseNo: row.case_no,
        state: row.state as SupervisionCase['state'],
        version: row.version,
        address: row.address,
        description: row.description,
        gridCode: row.grid_code,
        handlingDeptId: row.handling_dept_id,
        dueAt: row.due_at === NO_DEADLINE ? null : row.due_at,
        overdue: row.due_at < nowIso,
        light: worstLight(lights),
        issuerId: s?.issuerId ?? null,
        levelSince: s ? (s.escalatedAt ?? raisedAt) : null,
        supervision: s
          ? {
              level: s.level,
              raisedBy: raising?.actor_name ?? null,
              raisedAt,
              note: raising?.note ?? null,
              replied: s.replied,
              reply: reply ? { text: reply.note ?? '', by: reply.actor_name, at: reply.at } : null,
              leaderLevel: (s.leaderLevel ?? null) as SupervisionLeaderLevel | null,
              escalatedAt: s.escalatedAt ?? null,
            }
          : null,
        instructions: thread
          .filter((e) => e.action === 'leader_instruct')
          .map((e) => ({ text: e.note ?? '', by: e.actor_name, at: e.at })),
      };
    }
  };
}
