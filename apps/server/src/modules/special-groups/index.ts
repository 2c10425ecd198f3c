/** 特殊人群 and 重点青少年: group dictionary, memberships (S3, encrypted), visit tasks and visits. */
export { createSpecialGroupsService, type SpecialGroupsService } from './special-groups.service';
export type { PersonRef, SpecialGroupsDeps } from './special-groups.context';
export { registerSpecialGroupsRoutes } from './special-groups.routes';
export { registerVisitsRoutes } from './visits.routes';
export { specialGroupsModule, specialGroupsEncryptedColumns } from './special-groups.module';
export type { VisitTaskSelection, VisitTaskState } from './special-groups-figures';
