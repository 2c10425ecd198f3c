import { randomBytes } from 'node:crypto';
import type { CreateOpen311KeyRequest, Open311Key, Open311KeyIssued } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import type { FieldCipher } from '../../core/crypto';
import { notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { AuditService } from '../audit';
import type { Open311Repo } from './open311.repo';
import type { Open311KeysTable } from './open311.tables';

/** The key's visible start: "o311_" and six characters, enough to tell keys apart in a list. */
const PREFIX_LENGTH = 11;

export interface PartnerKey {
  id: string;
  name: string;
  serviceCodes: string[] | null;
}

function present(r: Open311KeysTable): Open311Key {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    serviceCodes: r.service_codes ? (JSON.parse(r.service_codes) as string[]) : null,
    createdAt: r.created_at,
    createdBy: r.created_by,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

/**
 * Partner api_keys: issued by an administrator (shown once), listed by prefix, revoked, each change audited. A key
 * is 32 random bytes; only its keyed hash (HMAC under the lookup key) is stored, so a copy of the database holds
 * no usable key.
 */
export function createOpen311Keys(deps: {
  repo: Open311Repo;
  clock: Clock;
  cipher: FieldCipher;
  audit: Pick<AuditService, 'record'>;
}) {
  const { repo } = deps;
  const hashOf = (key: string) => deps.cipher.lookupHash(`open311-key:${key}`);
  // last_used_at is a hint for administrators, not a log: written at most once a minute per key.
  const touched = new Map<string, number>();

  return {
    list: async (): Promise<Open311Key[]> => (await repo.listKeys()).map(present),

    async issue(
      actor: Actor,
      body: CreateOpen311KeyRequest,
      ip: string | null,
    ): Promise<Open311KeyIssued> {
      const apiKey = `o311_${randomBytes(32).toString('base64url')}`;
      const row: Open311KeysTable = {
        id: newId(),
        name: body.name,
        prefix: apiKey.slice(0, PREFIX_LENGTH),
        key_hash: hashOf(apiKey),
        service_codes: body.serviceCodes?.length
          ? JSON.stringify([...new Set(body.serviceCodes)])
          : null,
        created_at: deps.clock.now().toISOString(),
        created_by: actor.username,
        last_used_at: null,
        revoked_at: null,
        revoked_by: null,
      };
      await repo.insertKey(row);
      await deps.audit.record({
        action: 'token_created',
        actor,
        targetType: 'open311_key',
        targetId: row.id,
        ip,
        detail: {
          kind: 'open311',
          name: row.name,
          prefix: row.prefix,
          serviceCodes: body.serviceCodes ?? null,
        },
      });
      return { key: present(row), apiKey };
    },

    async revoke(actor: Actor, id: string, ip: string | null): Promise<Open311Key> {
      const row = await repo.keyById(id);
      if (!row) throw notFound('接口密钥');
      if (await repo.revokeKey(id, deps.clock.now().toISOString(), actor.username))
        await deps.audit.record({
          action: 'token_revoked',
          actor,
          targetType: 'open311_key',
          targetId: id,
          ip,
          detail: { kind: 'open311', name: row.name, prefix: row.prefix },
        });
      return present((await repo.keyById(id))!);
    },

    /** The partner behind a key, or null for a missing, unknown or revoked key. */
    async verify(apiKey: string | undefined): Promise<PartnerKey | null> {
      if (!apiKey || apiKey.length > 200) return null;
      const row = await repo.liveKeyByHash(hashOf(apiKey));
      if (!row) return null;
      const nowMs = deps.clock.now().getTime();
      if ((touched.get(row.id) ?? 0) < nowMs - 60_000) {
        touched.set(row.id, nowMs);
        await repo.touchKey(row.id, new Date(nowMs).toISOString());
      }
      return { id: row.id, name: row.name, serviceCodes: present(row).serviceCodes };
    },
  };
}
export type Open311Keys = ReturnType<typeof createOpen311Keys>;
