/** Sessions, API tokens, throttling and lockout; resolves each request's actor. */
export {
  createAuthService,
  type AuthService,
  type AccessEnded,
  SESSION_COOKIE,
} from './auth.service';
export { registerAuthRoutes } from './auth.routes';
export { authModule } from './auth.module';
