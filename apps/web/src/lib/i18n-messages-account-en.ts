import type { accountZh } from './i18n-messages-account';

/** English of i18n-messages-account.ts: loaded only when English is chosen (see i18n-messages-en.ts). */
export const accountEn: Record<keyof typeof accountZh, string> = {
  'tokens.title': 'API tokens',
  'tokens.hint':
    'Tokens let integrations (such as the 12345 hotline) call the API. A token never has more permissions than you; read-only by default. Tokens end at their expiry, on a password change or when the account is disabled, and cannot create tokens.',
  'tokens.create': 'New token',
  'tokens.name': 'Name',
  'tokens.nameRequired': 'Name the token',
  'tokens.expiry': 'Valid for',
  'tokens.days': '{n} days',
  'tokens.scope': 'Permissions',
  'tokens.readOnly': 'Read-only (default: all your read permissions)',
  'tokens.chosen': 'Choose permissions',
  'tokens.permissionsRequired': 'Choose at least one permission',
  'tokens.createdAt': 'Created',
  'tokens.lastUsed': 'Last used',
  'tokens.never': 'Never',
  'tokens.expiresAt': 'Expires',
  'tokens.expired': 'Expired',
  'tokens.revoke': 'Revoke',
  'tokens.revokeConfirm': 'Systems using this token will lose access. Revoke it?',
  'tokens.revoked': 'Token revoked',
  'tokens.shownOnce': 'Copy it now: the token is shown only this once',
  'tokens.empty': 'No tokens yet',
  'users.unlock': 'Unlock',
  'users.unlockConfirm':
    'Lift this user’s sign-in lock (set after repeated wrong passwords)? The action is audited.',
  'users.unlocked': 'Unlocked',
};
