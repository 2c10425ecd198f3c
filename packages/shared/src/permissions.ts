/**
 * The permission catalog. Permissions are named strings; roles are data that list them.
 * Every route declares one of these (or `public`).
 */
export const PERMISSIONS = [
  'areas.read',
  'areas.manage',
  'areas.export',
  'areas.staff.manage',
  'departments.read',
  'departments.manage',
  // Case configuration: category dictionary, 立结案标准, dispatch matrix.
  'categories.read',
  'categories.manage',
  'dispatch.manage',
  'users.read',
  'users.manage',
  'roles.manage',
  'audit.read',
  'personal.unmask',
  'staff.contact.read',
  'tokens.manage',
  'settings.manage',
  // Cases (案件). Who may take which workflow action is decided per role by the workflow table;
  // these gate the routes.
  'cases.report',
  'cases.read',
  'cases.act',
  'cases.supervise',
  'attachments.upload',
  // 部件 registry (managed city components): read on maps and in lists; manage = register, edit, import.
  'components.read',
  'components.manage',
  // Working calendar (holidays, 调休, working hours): it moves every case deadline, so writes are admin-only.
  'calendar.manage',
  // Registries (一标三实: standard addresses, houses, persons, units, key places). Reads are masked (S2/S3);
  // personal.unmask reveals one record with a reason; registry.export exports unmasked (masked export needs only read).
  'registry.read',
  'registry.manage',
  'registry.import',
  'registry.export',
  // Special groups and key youth (S3): who is in which group and the group's fields. Without special.read a
  // worker still sees that a visit is due (visits.read), never the group or the diagnosis.
  'special.read',
  'special.manage',
  'special.configure',
  'visits.read',
  'visits.record',
  // 民情档案 / 民情日志 written by grid staff and resident informants.
  'residentFiles.read',
  'residentFiles.write',
  // 监督考核 figures (indicators, rankings, drill-downs): counts of the caller's subtree. manage = publish a period
  // (freeze its figures) and recompute a published one (audited).
  'indicators.read',
  'indicators.manage',
  // 月度报告: leaders read their area's reports and generate one for a month that has ended.
  'reports.read',
  'reports.generate',
  // 12345 hotline centre's inbound calls (派单, 回访, 催办, 督办, 撤回): the dedicated 'hotline' role's token only.
  'hotline.inbound',
  // 民生平台: approve residents' text and photos before the public board shows them (受理员, administrators).
  'public.moderate',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** The five grid roles (网格力量), assigned per grid. */
export const GRID_ROLES = [
  'gridLeader',
  'gridAdministrator',
  'residentInformant',
  'gridPoliceOfficer',
  'gridSupervisor',
] as const;
export type GridRole = (typeof GRID_ROLES)[number];

export const GRID_ROLE_LABELS: Record<GridRole, { zh: string; en: string }> = {
  gridLeader: { zh: '网格长', en: 'Grid leader' },
  gridAdministrator: { zh: '网格管理员', en: 'Grid administrator' },
  residentInformant: { zh: '民情信息员', en: 'Resident informant' },
  gridPoliceOfficer: { zh: '网格警员', en: 'Grid police officer' },
  gridSupervisor: { zh: '网格监督员', en: 'Grid supervisor' },
};
