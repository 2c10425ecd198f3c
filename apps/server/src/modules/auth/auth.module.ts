import type { Needs, Platform, WiredModule } from '../../wiring';
import { createAuthService, type AccessEnded, type AuthService } from './auth.service';
import { registerAuthRoutes } from './auth.routes';

/** Needs the users' accounts and area names; `onAccessEnded` closes live streams (bound once createApp has them). */
export function authModule(
  p: Platform,
  needs: Needs<'users' | 'areas'>,
  onAccessEnded: (who: AccessEnded) => void,
): WiredModule<AuthService> {
  const service = createAuthService({
    db: p.db,
    clock: p.clock,
    // Held, not looked up per call: users is wired before auth.
    users: needs().users,
    audit: p.audit,
    areaRefs: (codes) => needs().areas.refs(codes),
    onAccessEnded,
  });
  return {
    service,
    routes: (app) => registerAuthRoutes(app, service, { secureCookies: p.config.secureCookies }),
  };
}
