/** Accounts, roles (data) and each user's area scope. */
export {
  createUsersService,
  type UsersService,
  type UserAccess,
  type AccessChange,
} from './users.service';
export { registerUsersRoutes } from './users.routes';
export { BUILTIN_ROLES, GRID_ROLE_TO_ROLE } from './builtin-roles';
export { usersModule, usersEncryptedColumns } from './users.module';
