import { isPermission, type CreateTokenRequest, type Permission } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { sha256 } from '../../core/crypto';
import { AppError, invalid } from '../../core/errors';
import { newId, newSecret } from '../../core/ids';
import type { AuthDeps } from './auth.service';
import type { createAuthRepo } from './auth.repo';
import type { ApiTokensTable } from './auth.tables';

type Repo = ReturnType<typeof createAuthRepo>;

/** Token limits (docs/security.md): 90 days unless chosen, a year at most; read-only unless chosen. */
export const TOKEN_POLICY = { defaultDays: 90, maxDays: 365 } as const;

/** A token's permissions: what it was given, cut down to what its user may do now. */
export function tokenPermissions(
  row: Pick<ApiTokensTable, 'permissions'>,
  userPermissions: ReadonlySet<Permission>,
): Set<Permission> {
  const given = new Set((JSON.parse(row.permissions) as string[]).filter(isPermission));
  return new Set([...userPermissions].filter((p) => given.has(p)));
}

const present = (r: ApiTokensTable) => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  expiresAt: r.expires_at,
  permissions: JSON.parse(r.permissions) as string[],
});

export function createTokenService(deps: AuthDeps, repo: Repo, invalidate: () => void) {
  const nowIso = () => deps.clock.now().toISOString();
  return {
    async create(actor: Actor, input: CreateTokenRequest, ip: string) {
      // A leaked token must not be able to make itself a successor that outlives its revocation.
      if (actor.via !== 'session')
        throw new AppError('forbidden', 'API 令牌不能用于创建令牌，请登录后创建');
      const wanted = [
        ...new Set(input.permissions ?? [...actor.permissions].filter((p) => p.endsWith('.read'))),
      ];
      const beyond = wanted.filter((p) => !actor.permissions.has(p));
      if (beyond.length)
        throw new AppError('forbidden', `令牌的权限不能超出您自己的权限: ${beyond.join(', ')}`, {
          field: 'permissions',
        });
      if (!wanted.length) throw invalid('permissions', '令牌至少需要一项权限');
      const days = input.expiresInDays ?? TOKEN_POLICY.defaultDays;
      const token = `wg_${newSecret()}`;
      const createdAt = nowIso();
      const row: ApiTokensTable = {
        id: newId(),
        user_id: actor.id,
        name: input.name,
        token_hash: sha256(token),
        created_at: createdAt,
        last_used_at: null,
        revoked_at: null,
        expires_at: new Date(deps.clock.now().getTime() + days * 86_400_000).toISOString(),
        permissions: JSON.stringify(wanted.sort()),
      };
      await repo.insertToken(row);
      await deps.audit.record({
        action: 'token_created',
        actor,
        targetType: 'api_token',
        targetId: row.id,
        ip,
        detail: { name: input.name, expiresAt: row.expires_at, permissions: wanted },
      });
      return { ...present(row), token };
    },

    async list(actor: Actor) {
      return (await repo.listTokens(actor.id)).map(present);
    },

    async revoke(actor: Actor, id: string, ip: string) {
      const res = await repo.revokeToken(actor.id, id, nowIso());
      if (Number(res.numUpdatedRows) === 0) throw new AppError('not_found', '令牌不存在');
      invalidate();
      await deps.audit.record({
        action: 'token_revoked',
        actor,
        targetType: 'api_token',
        targetId: id,
        ip,
      });
    },
  };
}
