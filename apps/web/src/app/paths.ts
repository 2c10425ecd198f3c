/** Paths of the pages, used by the menu and links. */
export const PATHS = {
  login: '/login',
  changePassword: '/change-password',
  map: '/map',
  areaTree: '/areas',
  areaImport: '/areas/import',
  departments: '/departments',
  users: '/users',
  audit: '/audit',
  reportCase: '/cases/new',
  cases: '/cases',
  caseDetail: '/cases/:id',
  tasks: '/tasks',
  // @paths:addresses
  // @paths:population
  // @paths:units
  // @paths:special-groups
} as const;

export function casePath(id: string): string {
  return `/cases/${encodeURIComponent(id)}`;
}
