import type { EncryptedColumns } from '../../core/db/rekey';

/** 特殊人群 and 重点青少年: group dictionary, memberships (S3, encrypted), visit tasks and visits. */
export { createSpecialGroupsService, type SpecialGroupsService } from './special-groups.service';
export type { PersonRef, SpecialGroupsDeps } from './special-groups.context';
export { registerSpecialGroupsRoutes } from './special-groups.routes';
export { registerVisitsRoutes } from './visits.routes';
/** Which group a person is in, its fields and the visit findings are S3: encrypted at rest, rotated with the data key. */
export const specialGroupsEncryptedColumns: EncryptedColumns[] = [
  { table: 'special_memberships', key: 'id', columns: ['details_enc'] },
  { table: 'visits', key: 'id', columns: ['findings_enc'] },
];
