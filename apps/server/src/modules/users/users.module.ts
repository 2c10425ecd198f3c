import type { Needs, Platform, WiredModule } from '../../wiring';
import { createUsersService, type UsersService } from './users.service';
import { registerUsersRoutes } from './users.routes';
import type { EncryptedColumns } from '../../core/db/rekey';

/** Needs areas and departments to validate a grant; tells auth when someone's access changes. */
export function usersModule(
  p: Platform,
  needs: Needs<'areas' | 'departments' | 'auth'>,
): WiredModule<UsersService> {
  const service = createUsersService({
    db: p.db,
    clock: p.clock,
    cipher: p.cipher,
    audit: p.audit,
    existingAreaCodes: (codes) => needs().areas.existingCodes(codes),
    departmentExists: (id) => needs().departments.exists(id),
    // Disabling a user or changing their roles or areas revokes what they hold and ends their live streams.
    onAccessChanged: (userId, change) => needs().auth.accessChanged(userId, change),
  });
  return {
    service,
    routes: (app) => registerUsersRoutes(app, service),
    encryptedColumns: usersEncryptedColumns,
  };
}

/** Staff phone numbers are personal data, encrypted at rest. */
export const usersEncryptedColumns: EncryptedColumns[] = [
  { table: 'users', key: 'id', columns: ['phone_enc'] },
];
