/** Paths of the pages, used by the menu and links. */
export const PATHS = {
  home: '/',
  overview: '/overview',
  /** 领导驾驶舱: the leaders' indicators, rankings and drill-downs */
  dashboard: '/dashboard',
  /** 工作监督: 督办 board and 我的督办 */
  supervision: '/supervision',
  /** 月度报告: list, generate, open and download */
  reports: '/reports',
  /** 统计 · 登记与走访: registry and care figures, grid-worker activity */
  registryFigures: '/figures/registries',
  /** 指挥中心大屏: full screen, outside the shell */
  screen: '/screen',
  login: '/login',
  changePassword: '/change-password',
  tokens: '/account/tokens',
  map: '/map',
  areaTree: '/areas',
  areaImport: '/areas/import',
  departments: '/departments',
  users: '/users',
  audit: '/audit',
  /** 12345 回传记录: webhooks to the hotline centre (administrators) */
  hotlineDeliveries: '/config/hotline',
  /** Open311 接口密钥: partner systems' keys (administrators) */
  open311Keys: '/config/open311',
  reportCase: '/cases/new',
  cases: '/cases',
  caseDetail: '/cases/:id',
  tasks: '/tasks',
  registryImport: '/registry/import',
  addresses: '/addresses',
  houses: '/houses',
  houseDetail: '/houses/:id',
  persons: '/persons',
  personNew: '/persons/new',
  personDetail: '/persons/:id',
  personEdit: '/persons/:id/edit',
  units: '/units',
  unitNew: '/units/new',
  unitDetail: '/units/:id',
  unitEdit: '/units/:id/edit',
  places: '/places',
  placeNew: '/places/new',
  placeDetail: '/places/:id',
  placeEdit: '/places/:id/edit',
  inspectionsOverdue: '/inspections/overdue',
  specialGroups: '/special-groups',
  specialGroupDictionary: '/special-groups/dictionary',
  myVisits: '/visits',
  overdueVisits: '/visits/overdue',
  residentFiles: '/resident-files',
  calendar: '/config/calendar',
  dispatchGaps: '/config/dispatch-gaps',
  dispatchRules: '/config/dispatch-rules',
  categoryDictionary: '/config/categories',
  conditions: '/config/conditions',
  assessment: '/config/assessment',
} as const;

export function casePath(id: string): string {
  return `/cases/${encodeURIComponent(id)}`;
}
