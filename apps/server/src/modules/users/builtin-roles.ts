import { PERMISSIONS, type Permission } from '@wangge/shared';

// The baseline of every staff role (not the observer's). Everyone here reports or handles problems,
// so all may attach photos and videos as evidence.
// Which case actions each role may take is decided by the workflow table; cases.act only opens the door.
// API tokens are for integrations (12345 hotline, data exchange): only administrators create them (issue 9 #7).
const READ: Permission[] = [
  'areas.read',
  'departments.read',
  'categories.read',
  'components.read',
  'attachments.upload',
  'cases.report',
  'cases.read',
  'cases.act',
];
const LEAD: Permission[] = [
  ...READ,
  'areas.export',
  'users.read',
  'staff.contact.read',
  'personal.unmask',
  'cases.supervise',
  'registry.read',
  'registry.export',
  'special.read',
  'visits.read',
  'residentFiles.read',
  'reports.read',
  'reports.generate',
  'indicators.read',
];
// Grid staff keep the registries of their grids: they enter and verify people, houses and units, make the visits
// and write the 民情日志. Special-group details stay with those who follow the group up (grid leader, police).
const GRID_WORK: Permission[] = [
  'registry.read',
  'registry.manage',
  'visits.read',
  'visits.record',
  'residentFiles.read',
  'residentFiles.write',
];
// The centre watches 督办 and overdue cases on the 工作监督 board with the leaders (cases.supervise).
const CENTRE: Permission[] = [
  ...READ,
  'users.read',
  'staff.contact.read',
  'cases.supervise',
  'indicators.read',
];

/**
 * Built-in roles (docs/domain.md §2.2–2.3). They are data: an administrator may add local roles;
 * built-ins are re-synced on start so new permissions reach them.
 */
export const BUILTIN_ROLES: {
  code: string;
  name: string;
  nameEn: string;
  permissions: readonly Permission[];
}[] = [
  { code: 'admin', name: '系统管理员', nameEn: 'System administrator', permissions: PERMISSIONS },
  { code: 'district_leader', name: '区领导', nameEn: 'District leader', permissions: LEAD },
  { code: 'street_leader', name: '街道领导', nameEn: 'Street leader', permissions: LEAD },
  {
    code: 'community_leader',
    name: '社区领导',
    nameEn: 'Community leader',
    permissions: [
      ...LEAD,
      'areas.staff.manage',
      'registry.manage',
      'registry.import',
      'special.manage',
      'visits.record',
      'residentFiles.write',
    ],
  },
  { code: 'inspector', name: '监督员', nameEn: 'Inspector', permissions: READ },
  // 受理员 also moderate what residents' reports show publicly (民生平台).
  {
    code: 'intake_operator',
    name: '受理员',
    nameEn: 'Intake operator',
    permissions: [...CENTRE, 'public.moderate'],
  },
  { code: 'shift_leader', name: '值班长', nameEn: 'Shift leader', permissions: CENTRE },
  { code: 'dispatcher', name: '派遣员', nameEn: 'Dispatcher', permissions: CENTRE },
  {
    code: 'department_handler',
    name: '专业部门处置人员',
    nameEn: 'Department handler',
    permissions: READ,
  },
  {
    code: 'grid_leader',
    name: '网格长',
    nameEn: 'Grid leader',
    permissions: [
      ...READ,
      ...GRID_WORK,
      'users.read',
      'staff.contact.read',
      'special.read',
      'special.manage',
      'registry.import',
    ],
  },
  {
    code: 'grid_administrator',
    name: '网格管理员',
    nameEn: 'Grid administrator',
    permissions: [...READ, ...GRID_WORK, 'staff.contact.read', 'registry.import'],
  },
  // A resident volunteer passes on 社情民意: writes 民情日志, sees visits due, reads no registry.
  {
    code: 'resident_informant',
    name: '民情信息员',
    nameEn: 'Resident informant',
    permissions: [...READ, 'visits.read', 'residentFiles.read', 'residentFiles.write'],
  },
  {
    code: 'grid_police_officer',
    name: '网格警员',
    nameEn: 'Grid police officer',
    permissions: [...READ, ...GRID_WORK, 'staff.contact.read', 'special.read', 'special.manage'],
  },
  {
    code: 'grid_supervisor',
    name: '网格监督员',
    nameEn: 'Grid supervisor',
    permissions: [
      ...READ,
      'staff.contact.read',
      'registry.read',
      'visits.read',
      'residentFiles.read',
    ],
  },
  // The 12345 centre's integration account: its API token makes the inbound calls (派单, 回访, 催办, 督办, 撤回,
  // modules/hotline) and reads the 回单's photos through the case they belong to; nothing else (docs/12345.md).
  {
    code: 'hotline',
    name: '12345 热线中心',
    nameEn: '12345 hotline centre',
    permissions: ['hotline.inbound', 'tokens.manage'],
  },
  {
    code: 'observer',
    name: '只读观察员',
    nameEn: 'Read-only observer',
    permissions: [
      'areas.read',
      'departments.read',
      'categories.read',
      'components.read',
      'cases.read',
    ],
  },
];

/** The built-in role that goes with each grid staff role. */
export const GRID_ROLE_TO_ROLE = {
  gridLeader: 'grid_leader',
  gridAdministrator: 'grid_administrator',
  residentInformant: 'resident_informant',
  gridPoliceOfficer: 'grid_police_officer',
  gridSupervisor: 'grid_supervisor',
} as const;
