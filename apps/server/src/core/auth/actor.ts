import type { Permission } from '@wangge/shared';
import type { AreaScope } from './area-scope';

/** The authenticated caller of a request, resolved once per request. */
export interface Actor {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly { code: string; name: string }[];
  readonly permissions: ReadonlySet<Permission>;
  readonly scope: AreaScope;
  /** The 专业部门 the user belongs to, if any. */
  readonly departmentId: string | null;
  readonly via: 'session' | 'token';
  /** Present for cookie sessions: writes must echo it in x-csrf-token. */
  readonly csrfToken: string | null;
  readonly sessionId: string | null;
  /** The API token a `via: 'token'` actor came with (a live stream re-checks it). */
  readonly tokenId?: string | null;
  readonly mustChangePassword: boolean;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** The actor of CLI commands and start-up tasks: full scope, every permission. */
export function systemActor(permissions: readonly Permission[]): Actor {
  return {
    id: 'system',
    username: 'system',
    displayName: '系统',
    roles: [],
    permissions: new Set(permissions),
    scope: { all: true, prefixes: [] },
    departmentId: null,
    via: 'token',
    csrfToken: null,
    sessionId: null,
    mustChangePassword: false,
  };
}

/**
 * An actor that is not a user account: the 督办 sweep (`system`), a citizen holding a receipt (`citizen`). It carries
 * one workflow role and no permission, so it can act only where the case table names that role; its scope is every
 * area (the table's guards, not the scope, limit it).
 */
export function pseudoActor(id: string, role: { code: string; name: string }): Actor {
  return {
    id,
    username: id,
    displayName: role.name,
    roles: [role],
    permissions: new Set(),
    scope: { all: true, prefixes: [] },
    departmentId: null,
    via: 'token',
    csrfToken: null,
    sessionId: null,
    mustChangePassword: false,
  };
}
