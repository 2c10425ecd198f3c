import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { CreateTokenRequest, Me } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { hashPassword } from '../../core/auth/password';
import type { Clock } from '../../core/clock';
import { sha256 } from '../../core/crypto';
import type { DB } from '../../core/db/database';
import { AppError } from '../../core/errors';
import { newSecret } from '../../core/ids';
import type { AuditService } from '../audit';
import type { AccessChange, UsersService } from '../users';
import { createLoginGuard, type LoginAttempt } from './auth-login';
import { createTokenService, tokenPermissions } from './auth-tokens';
import { createAuthRepo } from './auth.repo';

export const SESSION_COOKIE = 'wangge_session';
const SESSION_HOURS = 12;
// Resolved actors are cached briefly: most requests then cost no query. A revoked session
// stays valid on other processes for at most this long.
const ACTOR_CACHE_MS = 5_000;

export interface AuthDeps {
  db: Kysely<DB>;
  clock: Clock;
  users: UsersService;
  audit: AuditService;
  /** Area names for the "me" answer (areas module lookup). */
  areaRefs(codes: string[]): Promise<Me['areas']>;
  /** Told when sessions end or a user's access changes, so open live streams close (wired to the live module). */
  onAccessEnded(who: AccessEnded): void;
}

/** Whose access ended: one session (logout), or all of a user's but one (password change), or all of them. */
export interface AccessEnded {
  userId: string;
  sessionId?: string | null;
  exceptSessionId?: string | null;
}

export function createAuthService(deps: AuthDeps) {
  const repo = createAuthRepo(deps.db);
  const guard = createLoginGuard(deps, repo);
  const cache = new Map<string, { actor: Actor; until: number }>();
  const tokens = createTokenService(deps, repo, () => cache.clear());
  const nowIso = () => deps.clock.now().toISOString();

  async function buildActor(
    userId: string,
    via: Actor['via'],
    sessionId: string | null,
    csrf: string | null,
  ): Promise<Actor | null> {
    const access = await deps.users.access(userId);
    if (!access) return null;
    return {
      id: access.user.id,
      username: access.user.username,
      displayName: access.user.display_name,
      roles: access.roles,
      permissions: access.permissions,
      scope: access.scope,
      departmentId: access.user.department_id,
      via,
      csrfToken: csrf,
      sessionId,
      mustChangePassword: access.user.must_change_password === 1,
    };
  }

  async function fromKey(key: string, load: () => Promise<Actor | null>): Promise<Actor | null> {
    const hit = cache.get(key);
    const nowMs = Date.now();
    if (hit && hit.until > nowMs) return hit.actor;
    const actor = await load();
    if (actor) {
      if (cache.size > 5_000) cache.clear();
      cache.set(key, { actor, until: nowMs + ACTOR_CACHE_MS });
    } else cache.delete(key);
    return actor;
  }

  return {
    /** Resolves the caller from the session cookie or a Bearer API token. */
    async resolveActor(req: FastifyRequest): Promise<Actor | null> {
      const header = req.headers.authorization;
      if (header?.startsWith('Bearer ')) {
        const hash = sha256(header.slice(7).trim());
        return fromKey(`t:${hash}`, async () => {
          const token = await repo.findActiveToken(hash, nowIso());
          if (!token) return null;
          await repo.touchToken(token.id, nowIso());
          const actor = await buildActor(token.user_id, 'token', null, null);
          // The token does what it was given AND what its user may do now.
          return (
            actor && {
              ...actor,
              permissions: tokenPermissions(token, actor.permissions),
              tokenId: token.id,
            }
          );
        });
      }
      const cookie = req.cookies[SESSION_COOKIE];
      if (!cookie) return null;
      const id = sha256(cookie);
      return fromKey(`s:${id}`, async () => {
        const session = await repo.findSession(id, nowIso());
        if (!session) return null;
        return buildActor(session.user_id, 'session', id, session.csrf_token);
      });
    },

    /** Signs in under the login policy (auth-login.ts); answers the session and the known-device cookie. */
    async login(attempt: LoginAttempt, userAgent: string | null) {
      const { user, device } = await guard.verify(attempt);
      const nowMs = deps.clock.now().getTime();
      const token = newSecret();
      const csrf = newSecret(24);
      await repo.insertSession({
        id: sha256(token),
        user_id: user.id,
        csrf_token: csrf,
        ip: attempt.ip,
        user_agent: userAgent?.slice(0, 200) ?? null,
        created_at: nowIso(),
        expires_at: new Date(nowMs + SESSION_HOURS * 3600_000).toISOString(),
      });
      await deps.audit.record({
        action: 'login',
        actor: { id: user.id, username: user.username },
        ip: attempt.ip,
      });
      return { token, csrf, maxAgeSeconds: SESSION_HOURS * 3600, userId: user.id, device };
    },

    async logout(actor: Actor, ip: string) {
      if (actor.sessionId) {
        await repo.deleteSession(actor.sessionId);
        cache.delete(`s:${actor.sessionId}`);
        deps.onAccessEnded({ userId: actor.id, sessionId: actor.sessionId });
      }
      await deps.audit.record({ action: 'logout', actor, ip });
    },

    async me(actor: Actor): Promise<Me> {
      const access = await deps.users.access(actor.id);
      return {
        id: actor.id,
        username: actor.username,
        displayName: actor.displayName,
        roles: [...actor.roles],
        permissions: [...actor.permissions].sort(),
        areas: await deps.areaRefs(access?.areaCodes ?? []),
        allAreas: actor.scope.all,
        mustChangePassword: actor.mustChangePassword,
      };
    },

    async meForUser(userId: string): Promise<{ me: Me; csrf: string } | null> {
      const actor = await buildActor(userId, 'session', null, null);
      return actor ? { me: await this.me(actor), csrf: '' } : null;
    },

    async changePassword(actor: Actor, current: string, next: string, ip: string) {
      // A token is for integrations; changing the password needs the person.
      if (actor.via !== 'session') throw new AppError('forbidden', '请登录后修改密码');
      const user = await deps.users.findById(actor.id);
      if (!user) throw new AppError('unauthenticated');
      await guard.verifyCurrent(user, current, ip);
      if (current === next)
        throw new AppError('validation_failed', '新密码不能与当前密码相同', {
          field: 'newPassword',
        });
      await deps.users.changePassword(actor.id, await hashPassword(next));
      // Other sessions and every API token end; this session goes on.
      await repo.deleteUserSessions(actor.id, actor.sessionId);
      await repo.revokeUserTokens(actor.id, nowIso());
      cache.clear();
      deps.onAccessEnded({ userId: actor.id, exceptSessionId: actor.sessionId });
      await deps.audit.record({
        action: 'password_changed',
        actor,
        ip,
        detail: { tokensRevoked: true },
      });
    },

    createToken: (actor: Actor, input: CreateTokenRequest, ip: string) =>
      tokens.create(actor, input, ip),
    listTokens: (actor: Actor) => tokens.list(actor),
    revokeToken: (actor: Actor, id: string, ip: string) => tokens.revoke(actor, id, ip),

    /**
     * The users module's signal that a user's access changed. A disabled account loses its sessions, tokens and
     * known devices for good (enabling it again revives none of them); every change ends its live streams, which
     * reconnect with the new roles and scope.
     */
    async accessChanged(userId: string, change: AccessChange): Promise<void> {
      if (change === 'disabled') {
        await repo.deleteUserSessions(userId, null);
        await repo.revokeUserTokens(userId, nowIso());
        await repo.forgetUserDevices(userId);
      }
      cache.clear();
      deps.onAccessEnded({ userId });
    },

    /**
     * Whether a live stream's actor still holds: its session or token is alive and the user's roles, department and
     * scope are as they were. Reads the database (no cache), so it sees changes made by other processes.
     */
    async stillValid(actor: Actor): Promise<boolean> {
      const now = nowIso();
      if (
        actor.via === 'session'
          ? !actor.sessionId || !(await repo.findSession(actor.sessionId, now))
          : !actor.tokenId || !(await repo.findActiveTokenById(actor.tokenId, now))
      )
        return false;
      const access = await deps.users.access(actor.id);
      if (
        !access ||
        access.user.department_id !== actor.departmentId ||
        access.scope.all !== actor.scope.all
      )
        return false;
      const same = (a: string[], b: string[]) =>
        a.length === b.length && a.every((x, i) => x === b[i]);
      return (
        same(access.roles.map((r) => r.code).sort(), actor.roles.map((r) => r.code).sort()) &&
        same([...access.scope.prefixes].sort(), [...actor.scope.prefixes].sort())
      );
    },

    /** Drops cached actors, e.g. after roles or areas change. */
    invalidateCache: () => cache.clear(),
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
