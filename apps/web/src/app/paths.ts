/** Paths of the pages, used by the menu and links. */
export const PATHS = {
  login: '/login',
  changePassword: '/change-password',
  tokens: '/account/tokens',
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
  registryImport: '/registry/import',
  // @paths:addresses
  addresses: '/addresses',
  houses: '/houses',
  houseDetail: '/houses/:id',
  // @paths:population
  persons: '/persons',
  personNew: '/persons/new',
  personDetail: '/persons/:id',
  personEdit: '/persons/:id/edit',
  // @paths:units
  units: '/units',
  unitNew: '/units/new',
  unitDetail: '/units/:id',
  unitEdit: '/units/:id/edit',
  places: '/places',
  placeNew: '/places/new',
  placeDetail: '/places/:id',
  placeEdit: '/places/:id/edit',
  inspectionsOverdue: '/inspections/overdue',
  // @paths:special-groups
  specialGroups: '/special-groups',
  specialGroupDictionary: '/special-groups/dictionary',
  myVisits: '/visits',
  overdueVisits: '/visits/overdue',
  residentFiles: '/resident-files',
  // @paths:calendar
  calendar: '/config/calendar',
  dispatchGaps: '/config/dispatch-gaps',
} as const;

export function casePath(id: string): string {
  return `/cases/${encodeURIComponent(id)}`;
}
