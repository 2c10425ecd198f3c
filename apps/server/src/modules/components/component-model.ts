import { splitComponentCode, type CreateComponentRequest } from '@wangge/shared';
import type { Located } from '../areas';
import type { ComponentStatusHistoryTable, ComponentsTable } from './components.tables';

/** A 部件 class of the category dictionary (kind 'component'), as the rules need it. */
export interface ComponentClass {
  code: string;
  name: string;
  /** The class and its 大类 are both active. */
  active: boolean;
}

/** The unit grid containing a point (the areas module's port). */
export type { GridPlace, Located } from '../areas';

export interface RuleProblem {
  field: 'code' | 'classCode' | 'changeDate' | 'lng';
  /** "key: 说明", the form import reports use. */
  reason: string;
}

/**
 * Why a 17-digit code cannot name a component at this place, or nothing. The code carries its
 * district and class, so both must agree with where the point lies and with the class dictionary.
 */
export function codeProblems(
  input: { code: string; classCode?: string | undefined },
  adminCode: string,
  classes: ReadonlyMap<string, ComponentClass>,
): RuleProblem[] {
  const parts = splitComponentCode(input.code);
  if (!parts)
    return [
      { field: 'code', reason: `invalid_code: 管理部件标识码应为 17 位数字 (${input.code})` },
    ];
  const out: RuleProblem[] = [];
  if (parts.adminCode !== adminCode)
    out.push({
      field: 'code',
      reason: `wrong_admin_prefix: 标识码前 6 位 ${parts.adminCode} 应为部件所在区县代码 ${adminCode}`,
    });
  if (input.classCode && input.classCode !== parts.classCode)
    out.push({
      field: 'classCode',
      reason: `class_mismatch: 标识码第 7–11 位 ${parts.classCode} 与部件小类 ${input.classCode} 不符`,
    });
  const cls = classes.get(parts.classCode);
  if (!cls)
    out.push({
      field: 'code',
      reason: `unknown_class: 标识码第 7–11 位 ${parts.classCode} 不是部件分类字典中的小类`,
    });
  else if (!cls.active)
    out.push({
      field: 'code',
      reason: `inactive_class: 部件小类 ${parts.classCode} ${cls.name} 已停用`,
    });
  return out;
}

/** 变更日期 records a later survey than 初始日期; YYYYMMDD strings compare as dates. */
export function dateProblem(
  initialDate: string,
  changeDate: string | null | undefined,
): RuleProblem | null {
  return changeDate && changeDate < initialDate
    ? {
        field: 'changeDate',
        reason: `change_before_initial: 变更日期 ${changeDate} 早于初始日期 ${initialDate}`,
      }
    : null;
}

const orNull = <T>(v: T | null | undefined): T | null => v ?? null;

/** A new row from a checked request and its located place. */
export function newComponentRow(
  id: string,
  input: CreateComponentRequest,
  at: Located,
  now: string,
): ComponentsTable {
  return {
    id,
    code: input.code,
    legacy_code: orNull(input.legacyCode),
    class_code: input.code.slice(6, 11),
    name: input.name,
    dept_code: input.deptCode,
    dept_name: input.deptName,
    owner_code: orNull(input.ownerCode),
    owner_name: orNull(input.ownerName),
    maintainer_code: orNull(input.maintainerCode),
    maintainer_name: orNull(input.maintainerName),
    status: input.status,
    initial_date: input.initialDate,
    change_date: orNull(input.changeDate),
    data_source: orNull(input.dataSource),
    remarks: orNull(input.remarks),
    admin_code: at.place.adminCode,
    street_code: at.place.streetCode,
    community_code: at.place.communityCode,
    grid_code: at.place.gridCode,
    grid_version: at.place.gridVersion,
    lng: at.position[0],
    lat: at.position[1],
    extra: JSON.stringify(input.extra ?? {}),
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

/** The history entry that opens a component's record (from_status null). */
export function registrationEntry(
  id: string,
  row: ComponentsTable,
  actor: { id: string; displayName?: string | null },
  reason: string,
  at: string,
): ComponentStatusHistoryTable {
  return {
    id,
    component_id: row.id,
    from_status: null,
    to_status: row.status,
    reason,
    case_id: null,
    actor_id: actor.id,
    actor_name: actor.displayName ?? null,
    at,
  };
}
