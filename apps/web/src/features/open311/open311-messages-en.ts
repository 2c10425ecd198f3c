import type { open311Zh } from './open311-messages';

/** English strings of the Open311 key page. */
export const open311En: Record<keyof typeof open311Zh, string> = {
  'open311.title': 'Open311 API keys',
  'open311.hint':
    'Partner systems (city apps, mini-programs, other platforms) need an API key to submit requests through the Open311 GeoReport v2 interface at /open311/v2/. Reads need no key. A key is shown once, when issued; only its hash is kept.',
  'open311.issue': 'Issue key',
  'open311.name': 'Partner system',
  'open311.nameRequired': 'Name the partner system (2–60 characters)',
  'open311.services': 'Services it may submit',
  'open311.servicesHint': 'None chosen: every public service',
  'open311.allServices': 'All public services',
  'open311.prefix': 'Key prefix',
  'open311.createdAt': 'Issued',
  'open311.createdBy': 'Issued by',
  'open311.lastUsed': 'Last used',
  'open311.never': 'Never',
  'open311.status': 'Status',
  'open311.active': 'Active',
  'open311.revokedAt': 'Revoked',
  'open311.revoke': 'Revoke',
  'open311.revokeConfirm':
    'The partner will no longer be able to submit requests, and this cannot be undone. Revoke?',
  'open311.revoked': 'Key revoked',
  'open311.empty': 'No API keys issued yet',
  'open311.shownOnce': 'Copy the key now: it will not be shown again',
  'open311.keyFor': 'Partner system',
  'open311.docs': 'The interface is described in docs/open311.md; discovery:',
  'open311.settings': 'Jurisdiction and discovery',
  'open311.jurisdiction': 'Jurisdiction id (jurisdiction_id)',
  'open311.jurisdictionHint':
    "The city's web domain; empty: only our districts' 6-digit codes are accepted",
  'open311.jurisdictionInvalid': 'Enter a lower-case domain, e.g. wangge.example.gov.cn',
  'open311.contact': 'Contact (contact)',
  'open311.keyService': 'How to get a key (key_service)',
  'open311.save': 'Save',
  'open311.settingsSaved': 'Saved',
};
