import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';
import type { RegisteredRoute, RouteAuth } from './route-auth';

export type ActorResolver = (req: FastifyRequest) => Promise<Actor | null>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const STATIC_AUTH: RouteAuth = { public: true, reason: 'static web app' };

/**
 * Authentication, permission and CSRF checks, driven by each route's declared `config.auth`.
 * Routes are recorded as they register so a test can prove none is left undeclared.
 */
export function installGuard(app: FastifyInstance, resolveActor: ActorResolver): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (opts) => {
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    let auth = opts.config?.auth;
    if (!auth && !opts.url.startsWith('/api')) {
      auth = STATIC_AUTH;
      opts.config = { ...opts.config, auth };
    }
    for (const m of methods) routes.push({ method: String(m), url: opts.url, auth });
  });

  app.addHook('onRequest', async (req) => {
    const auth = req.routeOptions.config.auth;
    if (!auth) {
      // A route without a declaration never runs: fail closed.
      if (req.routeOptions.url === undefined) return; // 404 handler
      throw new AppError('forbidden', 'Route has no access declaration');
    }
    if (auth.public) {
      req.actor = await resolveActor(req).catch(() => null);
      return;
    }
    const actor = await resolveActor(req);
    if (!actor) throw new AppError('unauthenticated');
    req.actor = actor;
    if (actor.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== actor.csrfToken) throw new AppError('csrf_failed');
    }
    if (actor.mustChangePassword && !auth.allowWhenPasswordExpired)
      throw new AppError('password_change_required');
    if (auth.permission !== 'authenticated' && !actor.permissions.has(auth.permission))
      throw new AppError('forbidden');
  });
  return routes;
}

/** The authenticated actor of a guarded route (the guard has already refused anonymous calls). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}
