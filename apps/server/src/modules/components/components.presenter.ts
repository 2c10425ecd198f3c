import type { Component, ComponentStatus, ComponentStatusChange } from '@wangge/shared';
import type { ComponentStatusHistoryTable, ComponentsTable } from './components.tables';

/** Names shown beside codes: class names and area names, looked up once per page. */
export interface NameLookup {
  className(code: string): string | null;
  areaName(code: string): string | null;
}

function parseExtra(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export function presentComponent(r: ComponentsTable, names: NameLookup): Component {
  return {
    id: r.id,
    code: r.code,
    legacyCode: r.legacy_code,
    classCode: r.class_code,
    className: names.className(r.class_code),
    name: r.name,
    deptCode: r.dept_code,
    deptName: r.dept_name,
    ownerCode: r.owner_code,
    ownerName: r.owner_name,
    maintainerCode: r.maintainer_code,
    maintainerName: r.maintainer_name,
    status: r.status as ComponentStatus,
    initialDate: r.initial_date,
    changeDate: r.change_date,
    dataSource: r.data_source,
    remarks: r.remarks,
    adminCode: r.admin_code,
    streetCode: r.street_code,
    streetName: names.areaName(r.street_code),
    communityCode: r.community_code,
    communityName: names.areaName(r.community_code),
    gridCode: r.grid_code,
    gridName: names.areaName(r.grid_code),
    position: [r.lng, r.lat],
    extra: parseExtra(r.extra),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentStatusChange(h: ComponentStatusHistoryTable): ComponentStatusChange {
  return {
    id: h.id,
    fromStatus: h.from_status as ComponentStatus | null,
    toStatus: h.to_status as ComponentStatus,
    reason: h.reason,
    caseId: h.case_id,
    actorId: h.actor_id,
    actorName: h.actor_name,
    at: h.at,
  };
}
