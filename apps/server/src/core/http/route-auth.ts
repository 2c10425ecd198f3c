import type { Permission } from '@wangge/shared';
import type { Actor } from '../auth/actor';

/**
 * What every route must declare (in `config.auth`):
 * - `public`: no login (with the reason, for the reviewer);
 * - a permission plus a scope rule saying how records are limited:
 *   `subtree` — the service filters by the actor's area subtree;
 *   `self`    — only the caller's own records (session, tokens, password);
 *   `global`  — not area data (role catalogue, settings); the permission alone decides.
 */
export type RouteAuth =
  | { public: true; reason: string }
  | {
      public?: false;
      permission: Permission | 'authenticated';
      scope: 'subtree' | 'self' | 'global';
      /** Allowed while the user still has to change an initial password. */
      allowWhenPasswordExpired?: boolean;
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  auth: RouteAuth | undefined;
}
