import type { personalSearchZh } from './i18n-messages-personal-search';

/** English of i18n-messages-personal-search.ts: loaded only when English is chosen (see i18n-messages-en.ts). */
export const personalSearchEn: Record<keyof typeof personalSearchZh, string> = {
  'personalSearch.title': 'Find by full number',
  'personalSearch.hint':
    'Searching by a full phone or ID number reveals personal data: state a reason. It is audited (who, when, which field, why and how many results; never the number itself), at most 20 searches per 10 minutes per user.',
  'personalSearch.reason': 'Why are you searching? e.g. verifying a caller',
  'personalSearch.reasonShort': 'At least 2 characters',
  'personalSearch.submit': 'Search',
  'personalSearch.none': 'No matching record',
  'personalSearch.found': '{n} record(s) found',
  'personalSearch.byLandlordPhone': 'Find by landlord phone',
  'personalSearch.byUnitPhone': 'Find by phone',
  'personalSearch.byIdNumber': 'Find by ID number',
  'personalSearch.byPersonPhone': 'Find by phone',
  'personalSearch.phoneValue': 'Full mobile or landline number',
  'personalSearch.idValue': 'Full resident ID number',
};
