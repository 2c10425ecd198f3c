import { PERMISSIONS } from '@wangge/shared';
import { systemActor } from '../../core/auth/actor';
import type { EncryptedColumns } from '../../core/db/rekey';
import type { Needs, Platform, WiredModule } from '../../wiring';
import { createSpecialGroupsService, type SpecialGroupsService } from './special-groups.service';
import { registerSpecialGroupsRoutes } from './special-groups.routes';
import { registerVisitsRoutes } from './visits.routes';

/** Which group a person is in, its fields and the visit findings are S3: encrypted at rest, rotated with the data key. */
export const specialGroupsEncryptedColumns: EncryptedColumns[] = [
  { table: 'special_memberships', key: 'id', columns: ['details_enc'] },
  { table: 'visits', key: 'id', columns: ['findings_enc'] },
];

/** 特殊人群 (S3): persons through the population service, visit assignees from the grid staff, never their tables. */
export function specialGroupsModule(
  p: Platform,
  needs: Needs<'population' | 'areas' | 'users' | 'attachments'>,
): WiredModule<SpecialGroupsService> {
  const service = createSpecialGroupsService({
    db: p.db,
    clock: p.clock,
    cipher: p.cipher,
    audit: p.audit,
    personRefs: (ids) => needs().population.personRefs(ids),
    areaRefs: (codes) => needs().areas.refs(codes),
    // Visit tasks go to whoever staffs the grid, whatever the caller's scope.
    gridStaff: (gridCode) => needs().areas.staff(systemActor(PERMISSIONS), gridCode),
    userNames: async (ids) =>
      new Map([...(await needs().users.contacts(ids))].map(([id, c]) => [id, c.displayName])),
    describeAttachments: (ids) => needs().attachments.describe(ids),
  });
  return {
    service,
    routes: (app) => {
      registerSpecialGroupsRoutes(app, service);
      registerVisitsRoutes(app, service);
    },
    encryptedColumns: specialGroupsEncryptedColumns,
  };
}
