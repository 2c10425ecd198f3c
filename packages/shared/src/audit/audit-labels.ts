/**
 * What an auditor reads instead of the codes the server writes: one table of action codes with their group and
 * labels, the target types and the detail keys. The server's xlsx export and the web app read the same table;
 * apps/server/src/modules/audit/audit-labels.test.ts fails when the server writes an action that has no row here.
 */
export type AuditLabel = { zh: string; en: string };

export const AUDIT_ACTION_GROUPS = {
  login: { zh: '登录', en: 'Sign-in' },
  account: { zh: '账号与权限', en: 'Accounts and roles' },
  personal: { zh: '查看个人信息', en: 'Personal data access' },
  transfer: { zh: '导入导出', en: 'Imports and exports' },
  registry: { zh: '一标三实与特殊人群', en: 'Registries' },
  organisation: { zh: '区域、人员与部门', en: 'Areas, staff, departments' },
  config: { zh: '案件配置', en: 'Case configuration' },
  system: { zh: '系统', en: 'System' },
} as const satisfies Record<string, AuditLabel>;
export type AuditActionGroup = keyof typeof AUDIT_ACTION_GROUPS;

interface ActionRow extends AuditLabel {
  group: AuditActionGroup;
  /** The entry carries a reason the actor had to state (unmasking, searches by a full value, exports). */
  reason?: true;
}

export const AUDIT_ACTIONS = {
  login: { group: 'login', zh: '登录', en: 'Signed in' },
  login_failed: { group: 'login', zh: '登录失败', en: 'Sign-in failed' },
  logout: { group: 'login', zh: '退出登录', en: 'Signed out' },
  account_locked: { group: 'account', zh: '账号锁定', en: 'Account locked' },
  account_unlocked: { group: 'account', zh: '解除锁定', en: 'Account unlocked' },
  password_changed: { group: 'account', zh: '修改密码', en: 'Password changed' },
  token_created: { group: 'account', zh: '创建接口令牌', en: 'API token created' },
  token_revoked: { group: 'account', zh: '吊销接口令牌', en: 'API token revoked' },
  user_created: { group: 'account', zh: '新建用户', en: 'User created' },
  user_updated: { group: 'account', zh: '修改用户', en: 'User updated' },
  role_created: { group: 'account', zh: '新建角色', en: 'Role created' },
  role_changed: { group: 'account', zh: '变更用户角色', en: "User's roles changed" },
  personal_data_viewed: {
    group: 'personal',
    zh: '查看完整个人信息',
    en: 'Personal data revealed',
    reason: true,
  },
  personal_data_searched: {
    group: 'personal',
    zh: '按完整证件号码或电话查询',
    en: 'Search by full ID number or phone',
    reason: true,
  },
  areas_imported: { group: 'transfer', zh: '导入区域边界', en: 'Areas imported' },
  areas_exported: { group: 'transfer', zh: '导出区域边界', en: 'Areas exported' },
  registry_imported: { group: 'transfer', zh: '导入台账', en: 'Registry imported' },
  registry_exported: { group: 'transfer', zh: '导出台账', en: 'Registry exported', reason: true },
  config_exported: { group: 'transfer', zh: '导出配置表', en: 'Configuration exported' },
  audit_exported: { group: 'transfer', zh: '导出审计日志', en: 'Audit log exported', reason: true },
  report_generated: { group: 'transfer', zh: '生成月度报告', en: 'Monthly report generated' },
  registry_changed: { group: 'registry', zh: '修改台账', en: 'Registry record changed' },
  special_group_defined: { group: 'registry', zh: '定义特殊人群类别', en: 'Special group defined' },
  special_membership_changed: {
    group: 'registry',
    zh: '特殊人群登记变更',
    en: 'Special-group record changed',
  },
  staff_assigned: { group: 'organisation', zh: '配备网格人员', en: 'Grid staff assigned' },
  staff_removed: { group: 'organisation', zh: '撤下网格人员', en: 'Grid staff removed' },
  department_changed: { group: 'organisation', zh: '专业部门变更', en: 'Department changed' },
  calendar_changed: { group: 'config', zh: '修改工作日历', en: 'Working calendar changed' },
  category_changed: { group: 'config', zh: '修改案件类别', en: 'Category changed' },
  condition_changed: {
    group: 'config',
    zh: '修改立结案标准',
    en: 'Registration condition changed',
  },
  component_changed: { group: 'config', zh: '部件变更', en: 'Component changed' },
  dispatch_rule_changed: { group: 'config', zh: '修改派遣规则', en: 'Dispatch rule changed' },
  supervision_settings_changed: {
    group: 'config',
    zh: '修改督办升级时限',
    en: 'Supervision escalation time changed',
  },
  indicators_published: { group: 'config', zh: '发布考核期间', en: 'Assessment period published' },
  indicators_recomputed: {
    group: 'config',
    zh: '重算已发布的考核期间',
    en: 'Published assessment period recomputed',
    reason: true,
  },
  assessment_scheme_changed: {
    group: 'config',
    zh: '修改考核方案',
    en: 'Assessment scheme changed',
  },
  public_content_moderated: {
    group: 'config',
    zh: '审核市民反映的公开内容',
    en: 'Public report content moderated',
  },
  data_key_rotated: { group: 'system', zh: '轮换数据密钥', en: 'Data key rotated' },
  hotline_redelivered: { group: 'system', zh: '重发 12345 回传', en: '12345 webhook redelivered' },
} as const satisfies Record<string, ActionRow>;
export type AuditActionCode = keyof typeof AUDIT_ACTIONS;

/** Hidden from the audit page unless asked for ("显示登录记录"): they outnumber everything else. */
export const AUDIT_LOGIN_ACTIONS = ['login', 'login_failed', 'logout'] as const;

export function auditActionInfo(code: string): ActionRow | undefined {
  return (AUDIT_ACTIONS as Record<string, ActionRow>)[code];
}

/** Whether the entry's reason is what the auditor must see first. */
export function auditActionHasReason(code: string): boolean {
  return auditActionInfo(code)?.reason === true;
}

export const AUDIT_TARGET_TYPES = {
  user: { zh: '用户', en: 'User' },
  role: { zh: '角色', en: 'Role' },
  api_token: { zh: '接口令牌', en: 'API token' },
  open311_key: { zh: 'Open311 接口密钥', en: 'Open311 API key' },
  area: { zh: '区域', en: 'Area' },
  department: { zh: '专业部门', en: 'Department' },
  person: { zh: '实有人口', en: 'Person' },
  persons: { zh: '实有人口（导入）', en: 'Persons (import)' },
  population: { zh: '实有人口（查询）', en: 'Persons (search)' },
  house: { zh: '实有房屋', en: 'House' },
  houses: { zh: '实有房屋（导入）', en: 'Houses (import)' },
  housing: { zh: '实有房屋（查询、导出）', en: 'Houses (search, export)' },
  unit: { zh: '实有单位', en: 'Unit' },
  units: { zh: '实有单位（批量）', en: 'Units (bulk)' },
  place: { zh: '重点场所', en: 'Key place' },
  special_group: { zh: '特殊人群类别', en: 'Special group' },
  special_membership: { zh: '特殊人群登记', en: 'Special-group record' },
  category: { zh: '案件类别', en: 'Category' },
  registration_condition: { zh: '立结案标准', en: 'Registration condition' },
  dispatch_rule: { zh: '派遣规则', en: 'Dispatch rule' },
  component: { zh: '部件', en: 'Component' },
  work_calendar: { zh: '工作日历', en: 'Working calendar' },
  supervision_settings: { zh: '督办升级设置', en: 'Supervision settings' },
  audit_log: { zh: '审计日志', en: 'Audit log' },
  public_post: { zh: '市民反映（公开内容）', en: 'Public report' },
  hotline_delivery: { zh: '12345 回传记录', en: '12345 webhook delivery' },
} as const satisfies Record<string, AuditLabel>;

/** Detail keys as the page shows them; keys not listed show as written. */
export const AUDIT_DETAIL_KEYS: Record<string, AuditLabel> = {
  reason: { zh: '原因', en: 'Reason' },
  field: { zh: '字段', en: 'Field' },
  fields: { zh: '字段', en: 'Fields' },
  module: { zh: '模块', en: 'Module' },
  purpose: { zh: '用途', en: 'Purpose' },
  results: { zh: '结果数', en: 'Results' },
  rows: { zh: '行数', en: 'Rows' },
  masked: { zh: '已脱敏', en: 'Masked' },
  unmasked: { zh: '含完整个人信息', en: 'In clear' },
  filter: { zh: '筛选条件', en: 'Filter' },
  change: { zh: '变更', en: 'Change' },
  changed: { zh: '变更项', en: 'Changed' },
  created: { zh: '新建', en: 'Created' },
  updated: { zh: '修改', en: 'Updated' },
  username: { zh: '用户名', en: 'User name' },
  roles: { zh: '角色', en: 'Roles' },
  areaCodes: { zh: '管辖区域', en: 'Areas' },
  areaCode: { zh: '区域代码', en: 'Area code' },
  code: { zh: '代码', en: 'Code' },
  name: { zh: '名称', en: 'Name' },
  role: { zh: '岗位', en: 'Role' },
  permissions: { zh: '权限', en: 'Permissions' },
  expiresAt: { zh: '有效期至', en: 'Expires' },
  until: { zh: '锁定至', en: 'Locked until' },
  during: { zh: '场景', en: 'During' },
  knownDevice: { zh: '常用设备', en: 'Known device' },
  tokensRevoked: { zh: '令牌已吊销', en: 'Tokens revoked' },
  level: { zh: '层级', en: 'Level' },
  features: { zh: '要素数', en: 'Features' },
  fileName: { zh: '文件名', en: 'File' },
  summary: { zh: '摘要', en: 'Summary' },
  classCode: { zh: '类别代码', en: 'Class code' },
  keyId: { zh: '密钥编号', en: 'Key id' },
  displayName: { zh: '姓名', en: 'Name' },
  phone: { zh: '电话', en: 'Phone' },
  status: { zh: '状态', en: 'Status' },
  departmentId: { zh: '部门', en: 'Department' },
  from: { zh: '起始日期', en: 'From' },
  to: { zh: '截止日期', en: 'To' },
  action: { zh: '操作', en: 'Action' },
  period: { zh: '期间', en: 'Period' },
  trigger: { zh: '触发方式', en: 'Trigger' },
  actorId: { zh: '操作人', en: 'Actor' },
  targetType: { zh: '对象类型', en: 'Target type' },
  targetId: { zh: '对象', en: 'Target' },
  hideLogins: { zh: '隐藏登录记录', en: 'Sign-ins hidden' },
  op: { zh: '方式', en: 'Operation' },
  unchanged: { zh: '未变', en: 'Unchanged' },
};

/** Detail keys never shown: ids the page resolves elsewhere and hashes that mean nothing to a reader. */
export const AUDIT_HIDDEN_DETAIL_KEYS: readonly string[] = [
  'valueHash',
  'personId',
  'userId',
  'lineageId',
  'visitId',
];

/** Values of a few detail keys that are codes themselves (a login failure's cause, a search's purpose). */
export const AUDIT_DETAIL_VALUES: Record<string, AuditLabel> = {
  unknown_user: { zh: '用户名不存在', en: 'Unknown user' },
  bad_password: { zh: '密码错误', en: 'Wrong password' },
  locked: { zh: '账号已锁定', en: 'Account locked' },
  disabled: { zh: '账号已停用', en: 'Account disabled' },
  password_change: { zh: '修改密码', en: 'Password change' },
  search: { zh: '查询', en: 'Search' },
  duplicate_check: { zh: '登记查重', en: 'Duplicate check' },
  created: { zh: '新建', en: 'Created' },
  updated: { zh: '修改', en: 'Updated' },
  ended: { zh: '结束', en: 'Ended' },
  create: { zh: '新建', en: 'create' },
  update: { zh: '修改', en: 'update' },
  upsert: { zh: '导入合并', en: 'upsert' },
  true: { zh: '是', en: 'yes' },
  false: { zh: '否', en: 'no' },
  attention_by_visit: { zh: '走访调整关注程度', en: 'Attention set by a visit' },
};
