/** Sessions, API tokens, login throttling and lockout; resolves each request's actor. */
export { createAuthService, type AuthService, SESSION_COOKIE } from './auth.service';
export { registerAuthRoutes } from './auth.routes';
