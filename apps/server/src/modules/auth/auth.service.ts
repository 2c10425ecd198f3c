import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Me } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { dummyHash, hashPassword, verifyPassword } from '../../core/auth/password';
import type { Clock } from '../../core/clock';
import { sha256 } from '../../core/crypto';
import type { DB } from '../../core/db/database';
import { AppError } from '../../core/errors';
import { newId, newSecret } from '../../core/ids';
import type { AuditService } from '../audit';
import type { UsersService } from '../users';
import { createAuthRepo } from './auth.repo';
import { IpThrottle } from '../../core/http/ip-throttle';

export const SESSION_COOKIE = 'wangge_session';
const SESSION_HOURS = 12;
const LOCK_AFTER = 5;
const LOCK_MINUTES = 15;
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
}

export function createAuthService(deps: AuthDeps) {
  const repo = createAuthRepo(deps.db);
  const throttle = new IpThrottle();
  const cache = new Map<string, { actor: Actor; until: number }>();
  const nowIso = () => deps.clock.now().toISOString();

  async function buildActor(userId: string, via: Actor['via'], sessionId: string | null, csrf: string | null): Promise<Actor | null> {
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
          const token = await repo.findActiveToken(hash);
          if (!token) return null;
          await repo.touchToken(token.id, nowIso());
          return buildActor(token.user_id, 'token', null, null);
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

    async login(username: string, password: string, ip: string, userAgent: string | null) {
      const nowMs = deps.clock.now().getTime();
      if (throttle.blocked(ip, nowMs)) throw new AppError('rate_limited', '登录失败次数过多，请稍后再试');
      const user = await deps.users.repo.findByUsername(username);
      if (!user) {
        await verifyPassword(await dummyHash(), password);
        throttle.fail(ip, nowMs);
        await deps.audit.record({ action: 'login_failed', actor: null, ip, detail: { username, reason: 'unknown_user' } });
        throw new AppError('invalid_credentials');
      }
      if (user.locked_until && user.locked_until > nowIso()) {
        throttle.fail(ip, nowMs);
        await deps.audit.record({ action: 'login_failed', actor: { id: user.id, username }, ip, detail: { reason: 'locked' } });
        throw new AppError('account_locked', `账号已锁定至 ${user.locked_until}，请稍后再试或联系管理员`);
      }
      const ok = user.status === 'active' && (await verifyPassword(user.password_hash, password));
      if (!ok) {
        throttle.fail(ip, nowMs);
        const lock = user.failed_logins + 1 >= LOCK_AFTER;
        const lockedUntil = lock ? new Date(nowMs + LOCK_MINUTES * 60_000).toISOString() : null;
        await deps.users.repo.recordFailedLogin(user.id, lockedUntil, nowIso());
        await deps.audit.record({ action: 'login_failed', actor: { id: user.id, username }, ip, detail: { reason: user.status === 'active' ? 'bad_password' : 'disabled' } });
        if (lock) {
          await deps.audit.record({ action: 'account_locked', actor: { id: user.id, username }, ip, detail: { until: lockedUntil } });
          throw new AppError('account_locked', `连续 ${LOCK_AFTER} 次密码错误，账号锁定 ${LOCK_MINUTES} 分钟`);
        }
        throw new AppError('invalid_credentials');
      }
      throttle.succeed(ip);
      if (user.failed_logins > 0 || user.locked_until) await deps.users.repo.resetFailedLogins(user.id);
      const token = newSecret();
      const csrf = newSecret(24);
      await repo.insertSession({
        id: sha256(token),
        user_id: user.id,
        csrf_token: csrf,
        ip,
        user_agent: userAgent?.slice(0, 200) ?? null,
        created_at: nowIso(),
        expires_at: new Date(nowMs + SESSION_HOURS * 3600_000).toISOString(),
      });
      await deps.audit.record({ action: 'login', actor: { id: user.id, username }, ip });
      return { token, csrf, maxAgeSeconds: SESSION_HOURS * 3600, userId: user.id };
    },

    async logout(actor: Actor, ip: string) {
      if (actor.sessionId) {
        await repo.deleteSession(actor.sessionId);
        cache.delete(`s:${actor.sessionId}`);
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
      const user = await deps.users.repo.findById(actor.id);
      if (!user || !(await verifyPassword(user.password_hash, current)))
        throw new AppError('invalid_credentials', '当前密码不正确', { field: 'currentPassword' });
      if (current === next) throw new AppError('validation_failed', '新密码不能与当前密码相同', { field: 'newPassword' });
      await deps.users.repo.update(deps.db, actor.id, { password_hash: await hashPassword(next), must_change_password: 0, updated_at: nowIso() });
      // Other sessions of this user end; this one goes on.
      await repo.deleteUserSessions(actor.id, actor.sessionId);
      cache.clear();
      await deps.audit.record({ action: 'password_changed', actor, ip });
    },

    async createToken(actor: Actor, name: string, ip: string) {
      const token = `wg_${newSecret()}`;
      const row = { id: newId(), user_id: actor.id, name, token_hash: sha256(token), created_at: nowIso(), last_used_at: null, revoked_at: null };
      await repo.insertToken(row);
      await deps.audit.record({ action: 'token_created', actor, targetType: 'api_token', targetId: row.id, ip, detail: { name } });
      return { id: row.id, name, createdAt: row.created_at, lastUsedAt: null, token };
    },

    async listTokens(actor: Actor) {
      const rows = await repo.listTokens(actor.id);
      return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
    },

    async revokeToken(actor: Actor, id: string, ip: string) {
      const res = await repo.revokeToken(actor.id, id, nowIso());
      if (Number(res.numUpdatedRows) === 0) throw new AppError('not_found', '令牌不存在');
      cache.clear();
      await deps.audit.record({ action: 'token_revoked', actor, targetType: 'api_token', targetId: id, ip });
    },

    /** Drops cached actors, e.g. after roles or areas change. */
    invalidateCache: () => cache.clear(),
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
