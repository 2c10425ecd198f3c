/**
 * UI strings of account security: the API token page and unlocking a user (users page);
 * Merged into i18n-messages (English in -en.ts).
 */
export const accountZh = {
  'tokens.title': 'API 令牌',
  'tokens.hint':
    '令牌供对接系统（如 12345 热线）调用接口使用。令牌的权限不超过您自己的权限，默认只读；到期、修改密码或账号停用后失效；不能用令牌再创建令牌。',
  'tokens.create': '新建令牌',
  'tokens.name': '名称',
  'tokens.nameRequired': '请填写令牌名称',
  'tokens.expiry': '有效期',
  'tokens.days': '{n} 天',
  'tokens.scope': '权限',
  'tokens.readOnly': '只读（默认，您的全部查看权限）',
  'tokens.chosen': '自选权限',
  'tokens.permissionsRequired': '请至少选择一项权限',
  'tokens.createdAt': '创建时间',
  'tokens.lastUsed': '最近使用',
  'tokens.never': '从未使用',
  'tokens.expiresAt': '到期时间',
  'tokens.expired': '已过期',
  'tokens.revoke': '吊销',
  'tokens.revokeConfirm': '吊销后使用该令牌的系统将无法再访问，确定吗？',
  'tokens.revoked': '令牌已吊销',
  'tokens.shownOnce': '请立即复制保存：令牌只显示这一次',
  'tokens.empty': '还没有令牌',
  'users.unlock': '解除锁定',
  'users.unlockConfirm': '解除该用户的登录锁定（连续输错密码后的锁定）？操作记入审计日志。',
  'users.unlocked': '已解除锁定',
};
