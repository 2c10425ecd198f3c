import type { Messages } from './i18n-messages';

/**
 * The Chinese dictionaries that are not part of the first load: each comes with the lazy pages that use it
 * (app/router.tsx, withMessages). A key of a part nobody loaded yet is found by its prefix, so a component that
 * borrows another feature's strings still gets them, one render later.
 */
export type MessagePart =
  | 'cases'
  | 'imports'
  | 'addresses'
  | 'population'
  | 'units'
  | 'special-groups'
  | 'conditions'
  | 'category-dictionary'
  | 'dispatch-rules'
  | 'screen'
  | 'supervision'
  | 'reports'
  | 'hotline'
  | 'open311'
  | 'registry-figures'
  | 'dashboard'
  | 'assessment';

export const PART_LOADERS: Record<MessagePart, () => Promise<Partial<Messages>>> = {
  cases: () => import('./i18n-messages-cases').then((m) => m.casesZh),
  imports: () => import('./i18n-messages-imports').then((m) => m.importsZh),
  addresses: () => import('./i18n-messages-addresses').then((m) => m.addressesZh),
  population: () => import('./i18n-messages-population').then((m) => m.populationZh),
  units: () => import('./i18n-messages-units').then((m) => m.unitsZh),
  'special-groups': () => import('./i18n-messages-special-groups').then((m) => m.specialGroupsZh),
  conditions: () =>
    import('../features/categories/conditions-messages').then((m) => m.conditionsZh),
  'category-dictionary': () =>
    import('../features/categories/dictionary-messages').then((m) => m.dictionaryZh),
  'dispatch-rules': () =>
    import('../features/dispatch-rules/dispatch-rules-messages').then((m) => m.dispatchRulesZh),
  screen: () => import('../features/screen/screen-messages').then((m) => m.screenZh),
  supervision: () =>
    import('../features/supervision/supervision-messages').then((m) => m.supervisionZh),
  reports: () => import('../features/reports/reports-messages').then((m) => m.reportsZh),
  hotline: () => import('../features/hotline/hotline-messages').then((m) => m.hotlineZh),
  open311: () => import('../features/open311/open311-messages').then((m) => m.open311Zh),
  'registry-figures': () =>
    import('../features/registry-figures/registry-figures-messages').then(
      (m) => m.registryFiguresZh,
    ),
  dashboard: () => import('../features/dashboard/dashboard-messages').then((m) => m.dashboardZh),
  assessment: () =>
    import('../features/assessment/assessment-messages').then((m) => m.assessmentZh),
};

/** Key prefix → the part holding it. The parts' prefixes are their own (nav.* of every part is in the core). */
const PREFIX_PART: Record<string, MessagePart> = {
  action: 'cases',
  cases: 'cases',
  photos: 'cases',
  report: 'cases',
  tasks: 'cases',
  imports: 'imports',
  addr: 'addresses',
  house: 'addresses',
  persons: 'population',
  units: 'units',
  overdue: 'units',
  places: 'units',
  files: 'special-groups',
  groups: 'special-groups',
  special: 'special-groups',
  visits: 'special-groups',
  conditions: 'conditions',
  dict: 'category-dictionary',
  matrix: 'dispatch-rules',
  screen: 'screen',
  supervision: 'supervision',
  reports: 'reports',
  hotline: 'hotline',
  open311: 'open311',
  figures: 'registry-figures',
  dashboard: 'dashboard',
  assess: 'assessment',
};

export function partOfKey(key: string): MessagePart | undefined {
  return PREFIX_PART[key.slice(0, key.indexOf('.'))];
}
