import {
  compactFieldValues,
  groupFieldProblem,
  type AttentionLevel,
  type CreateMembershipRequest,
  type EndMembershipRequest,
  type GroupField,
  type Membership,
  type MembershipListQuery,
  type UpdateMembershipRequest,
} from '@wangge/shared';
import { can, type Actor } from '../../core/auth/actor';
import { assertActionInScope, FULL_SCOPE } from '../../core/auth/area-scope';
import { AppError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import { presentGroup, type GroupDictionary } from './group-dictionary';
import { groupHash, openDetails, sealDetails, type MembershipDetails } from './membership-details';
import type { PersonRef, SpecialGroupsContext } from './special-groups.context';
import { presentMembership } from './special-groups.presenter';
import type { SpecialGroupsTable, SpecialMembershipsTable } from './special-groups.tables';
import { addDays, intervalFor } from './visit-schedule';
import { actionCode, type Visits } from './visits.service';

const scopeOf = (p: PersonRef) => ({
  admin_code: p.adminCode,
  street_code: p.streetCode,
  community_code: p.communityCode,
  grid_code: p.gridCode,
});

/** Memberships of 特殊人群 / 重点青少年: S3, sealed at rest, shown only to holders of special.read. */
export function createMemberships(
  ctx: SpecialGroupsContext,
  dictionary: GroupDictionary,
  visits: Visits,
) {
  const { repo, visitsRepo, deps } = ctx;
  const conflict = (row: { version: number }) =>
    new AppError('conflict', '列管记录已被他人修改，请刷新后重试', {
      details: { version: row.version },
    });
  // Even a manager's answer names the group, so every route of this part needs special.read as well.
  const requireRead = (actor: Actor) => {
    if (!can(actor, 'special.read')) throw new AppError('forbidden', '无权查看特殊人群信息');
  };

  async function present(rows: SpecialMembershipsTable[]): Promise<Membership[]> {
    const details = rows.map((r) => openDetails(deps.cipher, r.details_enc));
    const [groups, persons, areas, open] = await Promise.all([
      repo.listGroups(),
      ctx.personsById(rows.map((r) => r.person_id)),
      ctx.areaNames(rows.map((r) => r.grid_code)),
      visitsRepo.openTasksOf(rows.map((r) => r.id)),
    ]);
    const byCode = new Map(groups.map((g) => [g.code, g]));
    const openBy = new Map(open.map((t) => [t.membership_id, t]));
    const l = {
      person: (id: string) => persons.get(id),
      areaName: (c: string | null) => (c ? (areas.get(c) ?? null) : null),
      userName: () => null,
      today: ctx.today(),
    };
    return rows.map((r, i) =>
      presentMembership(r, details[i]!, byCode.get(details[i]!.groupCode), openBy.get(r.id), l),
    );
  }

  function checkFields(group: SpecialGroupsTable, values: MembershipDetails['fields']) {
    const problem = groupFieldProblem(presentGroup(group).fields as GroupField[], values);
    if (problem) throw new AppError('validation_failed', problem.message, { field: problem.field });
  }

  /** A membership for an action: missing 404, outside the caller's scope 403. */
  async function forAction(actor: Actor, id: string) {
    requireRead(actor);
    const row = await repo.findMembership(FULL_SCOPE, id);
    if (!row) throw notFound('列管记录');
    assertActionInScope(actor.scope, actionCode(row));
    return row;
  }

  return {
    async list(
      actor: Actor,
      q: MembershipListQuery,
    ): Promise<{ items: Membership[]; total: number }> {
      const f = {
        groupHash: q.groupCode ? groupHash(deps.cipher, q.groupCode) : undefined,
        attentionLevel: q.attentionLevel,
        areaCode: q.areaCode,
        personId: q.personId,
        active: q.active === 'all' ? undefined : q.active === 'true',
      };
      const [rows, total] = await Promise.all([
        repo.listMemberships(actor.scope, f, q),
        repo.countMemberships(actor.scope, f),
      ]);
      return { items: await present(rows), total };
    },

    async get(actor: Actor, id: string): Promise<Membership> {
      requireRead(actor);
      const row = await repo.findMembership(actor.scope, id);
      if (!row) throw notFound('列管记录');
      return (await present([row]))[0]!;
    },

    async forPerson(
      actor: Actor,
      personId: string,
    ): Promise<{ items: Membership[]; total: number }> {
      await ctx.personInScope(actor, personId);
      const rows = await repo.listMemberships(actor.scope, { personId }, { limit: 100, offset: 0 });
      return { items: await present(rows), total: rows.length };
    },

    async create(
      actor: Actor,
      input: CreateMembershipRequest,
      ip: string | null,
    ): Promise<Membership> {
      requireRead(actor);
      const group = await dictionary.row(input.groupCode);
      if (!group || group.active !== 1)
        throw new AppError('validation_failed', '人群类别不存在或已停用', { field: 'groupCode' });
      const fields = compactFieldValues(input.fields);
      checkFields(group, fields);
      const person = await ctx.personInScope(actor, input.personId);
      const hash = groupHash(deps.cipher, group.code);
      const duplicate = () =>
        new AppError('duplicate', '该人员已在此人群中列管', { field: 'groupCode' });
      if (await repo.findActive(person.id, hash)) throw duplicate();
      const now = ctx.nowIso();
      const level = input.attentionLevel;
      const details: MembershipDetails = {
        groupCode: group.code,
        fields,
        guardianName: input.guardianName ?? null,
        guardianPhone: input.guardianPhone ?? null,
        helpSituation: input.helpSituation ?? null,
        difficulties: input.difficulties ?? null,
        dataSource: input.dataSource ?? null,
        endReason: null,
        endNote: null,
      };
      const row: SpecialMembershipsTable = {
        id: newId(),
        person_id: person.id,
        group_hash: hash,
        details_enc: sealDetails(deps.cipher, details),
        attention_level: level,
        ...scopeOf(person),
        started_at: input.startedAt,
        ended_at: null,
        active: 1,
        last_visit_on: null,
        created_by: actor.id,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      const task = await visits.taskDraft(
        row,
        addDays(input.startedAt, intervalFor(group, level)),
        person.maskedName,
      );
      try {
        await deps.db.transaction().execute(async (tx) => {
          await repo.insertMembership(tx, row);
          await visitsRepo.insertTask(tx, task);
          // The audit names the person and the record, never the group: the log is readable in clear.
          await deps.audit.record(
            {
              action: 'special_membership_changed',
              actor,
              targetType: 'special_membership',
              targetId: row.id,
              ip,
              detail: { change: 'created', personId: person.id },
            },
            tx,
          );
        });
      } catch (err) {
        // A concurrent registration of the same person and group loses on the partial unique index.
        if (await repo.findActive(person.id, hash)) throw duplicate();
        throw err;
      }
      return (await present([row]))[0]!;
    },

    /** Level, fields and helper details. The scope is refreshed from the person on every write. */
    async update(
      actor: Actor,
      id: string,
      input: UpdateMembershipRequest,
      ip: string | null,
    ): Promise<Membership> {
      const row = await forAction(actor, id);
      if (row.active !== 1) throw new AppError('conflict', '该列管已结束，不能修改');
      if (row.version !== input.version) throw conflict(row);
      const d = openDetails(deps.cipher, row.details_enc);
      const group = await dictionary.row(d.groupCode);
      if (!group) throw new AppError('internal', 'membership names an unknown group');
      const next: MembershipDetails = { ...d };
      if (input.fields !== undefined) {
        next.fields = compactFieldValues(input.fields);
        checkFields(group, next.fields);
      }
      for (const k of [
        'guardianName',
        'guardianPhone',
        'helpSituation',
        'difficulties',
        'dataSource',
      ] as const)
        if (input[k] !== undefined) next[k] = input[k] ?? null;
      const level: AttentionLevel = input.attentionLevel ?? (row.attention_level as AttentionLevel);
      const person = (await ctx.personsById([row.person_id])).get(row.person_id);
      const moved =
        person &&
        (person.gridCode !== row.grid_code || person.communityCode !== row.community_code);
      const patch: Partial<SpecialMembershipsTable> = {
        details_enc: sealDetails(deps.cipher, next),
        attention_level: level,
        ...(person ? scopeOf(person) : {}),
        version: row.version + 1,
        updated_at: ctx.nowIso(),
      };
      const updated = { ...row, ...patch };
      await deps.db.transaction().execute(async (tx) => {
        if (!(await repo.updateMembershipIfVersion(tx, id, row.version, patch)))
          throw conflict(row);
        if (level !== row.attention_level)
          await visits.reschedule(tx, updated, level, intervalFor(group, level));
        const changed = Object.keys(input).filter((k) => k !== 'version');
        await deps.audit.record(
          {
            action: 'special_membership_changed',
            actor,
            targetType: 'special_membership',
            targetId: id,
            ip,
            detail: { change: 'updated', personId: row.person_id, changed },
          },
          tx,
        );
      });
      if (moved) await this.refreshScope(row.person_id);
      return this.get(actor, id);
    },

    /** 解除列管: the membership stays as history; open visits are cancelled. */
    async end(
      actor: Actor,
      id: string,
      input: EndMembershipRequest,
      ip: string | null,
    ): Promise<Membership> {
      const row = await forAction(actor, id);
      if (row.active !== 1) throw new AppError('conflict', '该列管已结束');
      if (row.version !== input.version) throw conflict(row);
      if (input.endedAt < row.started_at)
        throw new AppError('validation_failed', '结束日期不能早于列管日期', { field: 'endedAt' });
      const d = openDetails(deps.cipher, row.details_enc);
      const patch: Partial<SpecialMembershipsTable> = {
        details_enc: sealDetails(deps.cipher, {
          ...d,
          endReason: input.reason,
          endNote: input.note ?? null,
        }),
        ended_at: input.endedAt,
        active: 0,
        version: row.version + 1,
        updated_at: ctx.nowIso(),
      };
      await deps.db.transaction().execute(async (tx) => {
        if (!(await repo.updateMembershipIfVersion(tx, id, row.version, patch)))
          throw conflict(row);
        await visits.cancelOpen(tx, id);
        await deps.audit.record(
          {
            action: 'special_membership_changed',
            actor,
            targetType: 'special_membership',
            targetId: id,
            ip,
            detail: { change: 'ended', personId: row.person_id },
          },
          tx,
        );
      });
      return this.get(actor, id);
    },

    /** The helper's phone in full, with a stated reason, audited. */
    async unmask(
      actor: Actor,
      id: string,
      reason: string,
      ip: string | null,
    ): Promise<{ guardianPhone: string | null }> {
      requireRead(actor);
      const row = await repo.findMembership(actor.scope, id);
      if (!row) throw notFound('列管记录');
      await deps.audit.record({
        action: 'personal_data_viewed',
        actor,
        targetType: 'special_membership',
        targetId: id,
        areaCode: row.grid_code ?? row.community_code,
        ip,
        detail: { field: 'guardianPhone', reason },
      });
      return { guardianPhone: openDetails(deps.cipher, row.details_enc).guardianPhone };
    },

    /**
     * Copies the person's current area codes onto their running memberships and open visit tasks, and hands the
     * tasks to the new grid's staff. Called on every membership write; the population module may call it on a move.
     */
    async refreshScope(personId: string): Promise<void> {
      const person = (await ctx.personsById([personId])).get(personId);
      if (!person) return;
      const now = ctx.nowIso();
      const assignee = await ctx.responsibleFor(person.gridCode);
      await deps.db.transaction().execute(async (tx) => {
        await repo.updateScopeOfPerson(tx, personId, scopeOf(person), now);
        await visitsRepo.updateOpenTasksOfPerson(tx, personId, {
          ...scopeOf(person),
          assignee_user_id: assignee,
          person_name_masked: person.maskedName,
          updated_at: now,
        });
      });
    },
  };
}
