/** Accounts, roles (data) and each user's area scope. */
export { createUsersService, type UsersService, type UserAccess } from './users.service';
export { registerUsersRoutes } from './users.routes';
export { BUILTIN_ROLES, GRID_ROLE_TO_ROLE } from './builtin-roles';
