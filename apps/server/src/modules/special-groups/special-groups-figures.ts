import type { VisitTask } from '@wangge/shared';
import type { AreaScope } from '../../core/auth/area-scope';
import type { CountRow, FigureLevel, FigurePeriod } from '../../core/db/grouped-counts';
import type { GroupDictionary } from './group-dictionary';
import { groupHash } from './membership-details';
import type { SpecialGroupsContext } from './special-groups.context';
import type { TaskFilter } from './visits.repo';
import type { createVisits } from './visits.service';

/** Which visit tasks a figure counts: due in the period (not cancelled), done of those, overdue of those. */
export type VisitTaskState = 'due' | 'done' | 'overdue';

export interface VisitTaskSelection {
  state: VisitTaskState;
  period: FigurePeriod;
  assigneeId?: string | undefined;
}

/**
 * Counts for the registry figures and grid-worker activity, and the drill-down list behind each visit count. The
 * counts and the list share one filter (visits.repo.ts `filteredTasks`), so a list's total is its figure. Callers
 * pass a scope they have already narrowed and checked; nothing here names a person or a membership's group.
 */
export function createSpecialGroupsFigures(
  ctx: SpecialGroupsContext,
  dictionary: GroupDictionary,
  visits: ReturnType<typeof createVisits>,
) {
  const { repo, visitsRepo, deps } = ctx;

  const taskFilter = (s: VisitTaskSelection): TaskFilter => ({
    dueFrom: s.period.startDate,
    dueBefore: s.period.endDate,
    assigneeId: s.assigneeId,
    ...(s.state === 'due' ? { notCancelled: true } : {}),
    ...(s.state === 'done' ? { status: 'done' } : {}),
    ...(s.state === 'overdue' ? { overdueBefore: ctx.today() } : {}),
  });

  return {
    /** Active members per group code (key) and per 关注程度. Groups are told from their keyed hash. */
    async members(
      scope: AreaScope,
      level: FigureLevel,
    ): Promise<{ group: CountRow[]; attention: CountRow[] }> {
      const [byHash, attention, groups] = await Promise.all([
        repo.countMembersBy(scope, { active: true }, level, 'group_hash'),
        repo.countMembersBy(scope, { active: true }, level, 'attention_level'),
        dictionary.list(),
      ]);
      const codeOf = new Map(groups.items.map((g) => [groupHash(deps.cipher, g.code), g.code]));
      return {
        group: byHash.map((r) => ({ ...r, key: r.key ? (codeOf.get(r.key) ?? null) : null })),
        attention,
      };
    },

    /** Visit tasks of a state, per area of a level and a column (assignee_user_id, or none). */
    tasks: (
      scope: AreaScope,
      s: VisitTaskSelection,
      level: FigureLevel,
      key: 'assignee_user_id' | null = null,
    ) => visitsRepo.countTasksBy(scope, taskFilter(s), level, key),

    /** Visits recorded in the period, per area of a level and a column (visitor_id, or none). */
    recorded: (
      scope: AreaScope,
      period: FigurePeriod,
      level: FigureLevel,
      key: 'visitor_id' | null = null,
    ) => visitsRepo.countVisitsBy(scope, period, level, key),

    /** The tasks behind a count, as the visits list shows them: due date first. */
    async taskList(
      scope: AreaScope,
      s: VisitTaskSelection,
      page: { limit: number; offset: number },
    ): Promise<{ items: VisitTask[]; total: number }> {
      const f = taskFilter(s);
      const [rows, total] = await Promise.all([
        visitsRepo.listTasks(scope, f, page),
        visitsRepo.countTasks(scope, f),
      ]);
      return { items: await visits.presentTasks(rows), total };
    },
  };
}
