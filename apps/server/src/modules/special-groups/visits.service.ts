import type { Transaction } from 'kysely';
import type {
  AttentionLevel,
  CompleteVisitRequest,
  PersonVisits,
  RecordVisitRequest,
  VisitRecorded,
  VisitTask,
  VisitTaskListQuery,
} from '@wangge/shared';
import { can, type Actor } from '../../core/auth/actor';
import { assertActionInScope, FULL_SCOPE, referenceInScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { AppError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import { shanghaiDate } from '../calendar';
import type { GroupDictionary } from './group-dictionary';
import { openDetails } from './membership-details';
import type { SpecialGroupsContext } from './special-groups.context';
import { presentTask, presentVisit, type Lookups } from './special-groups.presenter';
import type {
  SpecialMembershipsTable,
  VisitsTable,
  VisitTasksTable,
} from './special-groups.tables';
import { addDays, intervalFor } from './visit-schedule';

type Tx = Transaction<DB>;
// A phone's clock may run a little ahead of the server's.
const FUTURE_SLACK_MS = 10 * 60_000;

/** The code a record is scoped by for actions: its grid, or its community when the person has no grid. */
export const actionCode = (r: { grid_code: string | null; community_code: string }) =>
  r.grid_code ?? r.community_code;

/** Visit tasks (走访任务) and visits: generated from the schedule, completed by grid staff. */
export function createVisits(ctx: SpecialGroupsContext, dictionary: GroupDictionary) {
  const { repo, visitsRepo, deps } = ctx;

  async function lookups(
    rows: { person_id: string; grid_code: string | null; assignee_user_id?: string | null }[],
  ): Promise<Lookups> {
    const assignees = [
      ...new Set(rows.map((r) => r.assignee_user_id).filter((x): x is string => Boolean(x))),
    ];
    const [persons, areas, users] = await Promise.all([
      ctx.personsById(rows.map((r) => r.person_id)),
      ctx.areaNames(rows.map((r) => r.grid_code)),
      assignees.length ? deps.userNames(assignees) : Promise.resolve(new Map<string, string>()),
    ]);
    return {
      person: (id) => persons.get(id),
      areaName: (c) => (c ? (areas.get(c) ?? null) : null),
      userName: (id) => (id ? (users.get(id) ?? null) : null),
      today: ctx.today(),
    };
  }
  const presentTasks = async (rows: VisitTasksTable[]) => {
    const l = await lookups(rows);
    return rows.map((r) => presentTask(r, l));
  };

  /**
   * A new open task. Built before the transaction that writes it: SQLite has one connection, so a lookup must not
   * wait for a transaction that holds it.
   */
  async function taskDraft(
    m: SpecialMembershipsTable,
    due: string,
    personName: string | null,
  ): Promise<VisitTasksTable> {
    const now = ctx.nowIso();
    return {
      id: newId(),
      membership_id: m.id,
      person_id: m.person_id,
      person_name_masked: personName,
      admin_code: m.admin_code,
      street_code: m.street_code,
      community_code: m.community_code,
      grid_code: m.grid_code,
      assignee_user_id: await ctx.responsibleFor(m.grid_code),
      due_date: due,
      attention_level: m.attention_level,
      status: 'open',
      visit_id: null,
      closed_at: null,
      created_at: now,
      updated_at: now,
    };
  }

  async function groupOf(m: SpecialMembershipsTable) {
    const group = await dictionary.row(openDetails(deps.cipher, m.details_enc).groupCode);
    if (!group) throw new AppError('internal', 'membership names an unknown group');
    return group;
  }

  /** One visit: the open task (if any) done, the membership's level and last visit updated, the next task made. */
  async function recordOn(
    actor: Actor,
    m: SpecialMembershipsTable,
    task: VisitTasksTable | null,
    input: CompleteVisitRequest,
    ip: string | null,
  ): Promise<VisitRecorded> {
    if (m.active !== 1) throw new AppError('conflict', '该人员已解除列管，无需走访');
    const visitedAt = new Date(input.visitedAt);
    if (visitedAt.getTime() > deps.clock.now().getTime() + FUTURE_SLACK_MS)
      throw new AppError('validation_failed', '走访时间不能晚于现在', { field: 'visitedAt' });
    const visitDay = shanghaiDate(visitedAt);
    if (input.nextVisitDate && input.nextVisitDate <= visitDay)
      throw new AppError('validation_failed', '下次走访日期应晚于本次走访', {
        field: 'nextVisitDate',
      });
    const photos = [...new Set(input.photos ?? [])];
    if (photos.length) {
      const found = await deps.describeAttachments(photos);
      if (found.length !== photos.length || !found.every((a) => a.uploaderId === actor.id))
        throw new AppError('validation_failed', '照片不存在或不是您上传的', { field: 'photos' });
    }
    const group = await groupOf(m);
    const level: AttentionLevel = input.attentionLevel ?? (m.attention_level as AttentionLevel);
    const lastVisitOn = m.last_visit_on && m.last_visit_on > visitDay ? m.last_visit_on : visitDay;
    const now = ctx.nowIso();
    const next: SpecialMembershipsTable = {
      ...m,
      attention_level: level,
      last_visit_on: lastVisitOn,
      version: m.version + 1,
      updated_at: now,
    };
    const persons = await ctx.personsById([m.person_id]);
    const draft = await taskDraft(
      next,
      input.nextVisitDate ?? addDays(visitDay, intervalFor(group, level)),
      persons.get(m.person_id)?.maskedName ?? task?.person_name_masked ?? null,
    );
    const visit: VisitsTable = {
      id: newId(),
      membership_id: m.id,
      task_id: task?.id ?? null,
      person_id: m.person_id,
      admin_code: m.admin_code,
      street_code: m.street_code,
      community_code: m.community_code,
      grid_code: m.grid_code,
      visitor_id: actor.id,
      visitor_name: actor.displayName,
      visited_at: visitedAt.toISOString(),
      method: input.method,
      lng: input.location?.lng ?? null,
      lat: input.location?.lat ?? null,
      findings_enc: deps.cipher.encrypt(input.findings),
      photos: JSON.stringify(photos),
      risk_change: input.riskChange,
      attention_before: m.attention_level,
      attention_after: level,
      next_visit_date: input.nextVisitDate ?? null,
      created_at: now,
    };
    const busy = () => new AppError('conflict', '该走访任务已被他人处理，请刷新后重试');
    // Any visit satisfies the one that was due, whether or not it was opened from the task.
    const open = task ?? (await visitsRepo.openTaskOf(m.id)) ?? null;
    const closed: VisitTasksTable | null = open
      ? { ...open, status: 'done', visit_id: visit.id, closed_at: now, updated_at: now }
      : null;
    await deps.db.transaction().execute(async (tx: Tx) => {
      await visitsRepo.insertVisit(tx, visit);
      if (
        open &&
        !(await visitsRepo.updateOpenTask(tx, open.id, {
          status: 'done',
          visit_id: visit.id,
          closed_at: now,
          updated_at: now,
        }))
      )
        throw busy();
      if (
        !(await repo.updateMembershipIfVersion(tx, m.id, m.version, {
          attention_level: level,
          last_visit_on: lastVisitOn,
          version: next.version,
          updated_at: now,
        }))
      )
        throw busy();
      await visitsRepo.insertTask(tx, draft);
      if (level !== m.attention_level)
        await deps.audit.record(
          {
            action: 'special_membership_changed',
            actor,
            targetType: 'special_membership',
            targetId: m.id,
            ip,
            detail: { change: 'attention_by_visit', visitId: visit.id },
          },
          tx,
        );
    });
    const secret = can(actor, 'special.read')
      ? { findings: input.findings, groupCode: group.code, groupName: group.name }
      : null;
    const tasks = await presentTasks(closed ? [closed, draft] : [draft]);
    return {
      visit: presentVisit(visit, secret),
      completedTask: closed ? tasks[0]! : null,
      nextTask: tasks.at(-1) ?? null,
    };
  }

  return {
    taskDraft,
    /** Tasks as the visits list shows them (masked names), for the registry figures' drill-down. */
    presentTasks,

    /** A level change moves the open task: one new interval after the last visit (or the start). */
    async reschedule(
      tx: Tx,
      m: SpecialMembershipsTable,
      level: AttentionLevel,
      interval: number,
    ): Promise<void> {
      const open = await visitsRepo.openTaskOf(m.id, tx);
      if (!open) return;
      await visitsRepo.updateOpenTask(tx, open.id, {
        due_date: addDays(m.last_visit_on ?? m.started_at, interval),
        attention_level: level,
        updated_at: ctx.nowIso(),
      });
    },

    cancelOpen: (tx: Tx, membershipId: string) =>
      visitsRepo.cancelOpenTasks(tx, membershipId, ctx.nowIso()),

    async list(
      actor: Actor,
      q: VisitTaskListQuery,
    ): Promise<{ items: VisitTask[]; total: number }> {
      const f = { mineOf: q.mine ? actor.id : undefined, status: q.status, areaCode: q.areaCode };
      const [rows, total] = await Promise.all([
        visitsRepo.listTasks(actor.scope, f, q),
        visitsRepo.countTasks(actor.scope, f),
      ]);
      return { items: await presentTasks(rows), total };
    },

    /** Open tasks due before today (Shanghai, by the injected clock), most overdue first. */
    async overdue(
      actor: Actor,
      q: VisitTaskListQuery,
    ): Promise<{ items: VisitTask[]; total: number }> {
      const f = {
        mineOf: q.mine ? actor.id : undefined,
        areaCode: q.areaCode,
        overdueBefore: ctx.today(),
      };
      const [rows, total] = await Promise.all([
        visitsRepo.listTasks(actor.scope, f, q),
        visitsRepo.countTasks(actor.scope, f),
      ]);
      return { items: await presentTasks(rows), total };
    },

    async getTask(actor: Actor, id: string): Promise<VisitTask> {
      const row = await visitsRepo.findTask(actor.scope, id);
      if (!row) throw notFound('走访任务');
      return (await presentTasks([row]))[0]!;
    },

    async complete(
      actor: Actor,
      taskId: string,
      input: CompleteVisitRequest,
      ip: string | null,
    ): Promise<VisitRecorded> {
      const task = await visitsRepo.findTask(FULL_SCOPE, taskId);
      if (!task) throw notFound('走访任务');
      assertActionInScope(actor.scope, actionCode(task));
      if (task.status !== 'open') throw new AppError('conflict', '该走访任务已完成或已取消');
      const m = await repo.findMembership(FULL_SCOPE, task.membership_id);
      if (!m) throw notFound('走访任务');
      return recordOn(actor, m, task, input, ip);
    },

    /** A visit made without opening its task (met in the street, a phone call): it still counts for the one due. */
    async record(
      actor: Actor,
      input: RecordVisitRequest,
      ip: string | null,
    ): Promise<VisitRecorded> {
      // The membership is named in the body, a reference: outside the caller's scope it is as unknown (404).
      const m = referenceInScope(
        actor.scope,
        await repo.findMembership(FULL_SCOPE, input.membershipId),
        actionCode,
        '列管记录',
        'membershipId',
      );
      return recordOn(actor, m, null, input, ip);
    },

    /** The person page: open tasks and visits in scope; group and findings only for special.read. */
    async forPerson(actor: Actor, personId: string): Promise<PersonVisits> {
      await ctx.personInScope(actor, personId);
      const [visits, tasks] = await Promise.all([
        visitsRepo.visitsOfPerson(actor.scope, personId),
        visitsRepo.tasksOfPerson(actor.scope, personId),
      ]);
      const reveal = can(actor, 'special.read');
      const groups = new Map<string, { code: string; name: string | null }>();
      if (reveal) {
        const ms = await repo.membershipsByIds([...new Set(visits.map((v) => v.membership_id))]);
        for (const m of ms) {
          const code = openDetails(deps.cipher, m.details_enc).groupCode;
          groups.set(m.id, { code, name: (await dictionary.row(code))?.name ?? null });
        }
      }
      return {
        visits: visits.map((v) => {
          const g = groups.get(v.membership_id);
          return presentVisit(
            v,
            reveal && g
              ? {
                  findings: deps.cipher.decrypt(v.findings_enc),
                  groupCode: g.code,
                  groupName: g.name,
                }
              : null,
          );
        }),
        tasks: await presentTasks(tasks),
      };
    },

    /** Visit photos: for viewers of visits (visits.read) whose scope holds a visit showing them. */
    canViewAttachment: async (actor: Actor, attachmentId: string) =>
      can(actor, 'visits.read') && (await visitsRepo.attachmentVisible(actor.scope, attachmentId)),
  };
}
export type Visits = ReturnType<typeof createVisits>;
