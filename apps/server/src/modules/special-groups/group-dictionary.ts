import type {
  CreateSpecialGroupRequest,
  GroupField,
  SpecialGroup,
  UpdateSpecialGroupRequest,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { AppError, notFound } from '../../core/errors';
import type { SpecialGroupsContext } from './special-groups.context';
import type { SpecialGroupsTable } from './special-groups.tables';

function parseFields(text: string): GroupField[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? (v as GroupField[]) : [];
  } catch {
    return [];
  }
}

export function presentGroup(r: SpecialGroupsTable): SpecialGroup {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind as SpecialGroup['kind'],
    sensitivity: r.sensitivity as SpecialGroup['sensitivity'],
    fields: parseFields(r.fields),
    intervals: { normal: r.interval_normal, medium: r.interval_medium, high: r.interval_high },
    active: r.active === 1,
    sortOrder: r.sort_order,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** The group dictionary: data, so a deployment adds 信访人员 or a sixth key-youth type without a code change. */
export function createGroupDictionary(ctx: SpecialGroupsContext) {
  const { repo, deps } = ctx;
  const conflict = (row: { version: number }) =>
    new AppError('conflict', '人群定义已被他人修改，请刷新后重试', {
      details: { version: row.version },
    });

  return {
    async list(): Promise<{ items: SpecialGroup[] }> {
      return { items: (await repo.listGroups()).map(presentGroup) };
    },

    /** The row of a group, or null. */
    row: (code: string) => repo.findGroup(code),

    async create(
      actor: Actor,
      input: CreateSpecialGroupRequest,
      ip: string | null,
    ): Promise<SpecialGroup> {
      if (await repo.findGroup(input.code))
        throw new AppError('duplicate', `人群编码 ${input.code} 已存在`, { field: 'code' });
      const now = ctx.nowIso();
      const row: SpecialGroupsTable = {
        code: input.code,
        name: input.name,
        kind: input.kind,
        sensitivity: input.sensitivity,
        fields: JSON.stringify(input.fields),
        interval_normal: input.intervals.normal,
        interval_medium: input.intervals.medium,
        interval_high: input.intervals.high,
        active: input.active ? 1 : 0,
        sort_order: (await repo.maxSortOrder()) + 10,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      try {
        await repo.insertGroup(row);
      } catch (err) {
        // A concurrent definition of the same code loses on the primary key.
        if (await repo.findGroup(input.code))
          throw new AppError('duplicate', `人群编码 ${input.code} 已存在`, { field: 'code' });
        throw err;
      }
      await deps.audit.record({
        action: 'special_group_defined',
        actor,
        targetType: 'special_group',
        targetId: row.code,
        ip,
        detail: { created: true, name: row.name },
      });
      return presentGroup(row);
    },

    /** Name, sensitivity, fields, intervals and the active flag. New intervals apply from the next scheduled task. */
    async update(
      actor: Actor,
      code: string,
      input: UpdateSpecialGroupRequest,
      ip: string | null,
    ): Promise<SpecialGroup> {
      const row = await repo.findGroup(code);
      if (!row) throw notFound('人群');
      if (row.version !== input.version) throw conflict(row);
      const patch: Partial<SpecialGroupsTable> = {
        version: row.version + 1,
        updated_at: ctx.nowIso(),
      };
      if (input.name !== undefined) patch.name = input.name;
      if (input.sensitivity !== undefined) patch.sensitivity = input.sensitivity;
      if (input.fields !== undefined) patch.fields = JSON.stringify(input.fields);
      if (input.active !== undefined) patch.active = input.active ? 1 : 0;
      if (input.intervals?.normal !== undefined) patch.interval_normal = input.intervals.normal;
      if (input.intervals?.medium !== undefined) patch.interval_medium = input.intervals.medium;
      if (input.intervals?.high !== undefined) patch.interval_high = input.intervals.high;
      if (!(await repo.updateGroupIfVersion(deps.db, code, row.version, patch)))
        throw conflict(row);
      const changed = Object.keys(input).filter((k) => k !== 'version');
      await deps.audit.record({
        action: 'special_group_defined',
        actor,
        targetType: 'special_group',
        targetId: code,
        ip,
        detail: { changed },
      });
      return presentGroup({ ...row, ...patch });
    },
  };
}
export type GroupDictionary = ReturnType<typeof createGroupDictionary>;
