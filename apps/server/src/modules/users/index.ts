import type { EncryptedColumns } from '../../core/db/rekey';

/** Accounts, roles (data) and each user's area scope. */
export { createUsersService, type UsersService, type UserAccess, type AccessChange } from './users.service';
export { registerUsersRoutes } from './users.routes';
export { BUILTIN_ROLES, GRID_ROLE_TO_ROLE } from './builtin-roles';
/** Staff phone numbers are personal data, encrypted at rest. */
export const usersEncryptedColumns: EncryptedColumns[] = [{ table: 'users', key: 'id', columns: ['phone_enc'] }];
