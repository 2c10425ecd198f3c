import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import type { FieldCipher } from '../../core/crypto';
import type { DB } from '../../core/db/database';
import { AppError } from '../../core/errors';
import type { AuditService } from '../audit';
import type { ReportCase } from '../cases';
import { createInspectionsRepo } from './inspections.repo';
import { createPlacesRepo } from './places.repo';
import { shanghaiDate } from './unit-model';
import type { LocationDeps } from './unit-location';
import type { PresentContext } from './units.presenter';
import { createUnitsRepo, type Db } from './units.repo';
import type { AreaRefs } from '../areas';

/** A person of the population registry, as that module answers it (name already masked). */
export interface PersonRef {
  id: string;
  maskedName: string;
  /** Where the registry files the person: their grid, or their community when placed without one. */
  gridCode: string | null;
  communityCode: string;
}

/** What the registry asks of other modules; wired in createServices with late-bound functions. */
export interface UnitsDeps extends LocationDeps {
  db: Kysely<DB>;
  clock: Clock;
  cipher: FieldCipher;
  audit: Pick<AuditService, 'record' | 'personalSearch'>;
  areaRefs: AreaRefs;
  /** Persons of the population module; unknown ids are left out. */
  personRefs(ids: string[]): Promise<PersonRef[]>;
  /** Attachments that exist (attachments module), to check inspection photos. */
  attachments(ids: string[]): Promise<{ id: string; uploaderId: string }[]>;
  /** 上报 through the cases module, as the actor; answers the new (or idempotently the same) case. */
  reportCase: ReportCase;
}

/** Repositories and helpers the units, places and inspections services share. */
export function createRegistryContext(deps: UnitsDeps) {
  const nowIso = () => deps.clock.now().toISOString();

  /** Area names of a page of rows in one lookup. */
  async function presentContext(
    rows: readonly { street_code: string; community_code: string; grid_code: string }[],
    fullNames: boolean,
  ): Promise<PresentContext> {
    const codes = [...new Set(rows.flatMap((r) => [r.street_code, r.community_code, r.grid_code]))];
    const names = new Map(
      (codes.length ? await deps.areaRefs(codes) : []).map((a) => [a.code, a.name]),
    );
    return {
      areaName: (c) => names.get(c) ?? null,
      decrypt: (s) => deps.cipher.decrypt(s),
      fullNames,
    };
  }

  return {
    deps,
    units: createUnitsRepo(deps.db),
    places: createPlacesRepo(deps.db),
    inspections: createInspectionsRepo(deps.db),
    nowIso,
    today: () => shanghaiDate(deps.clock.now()),
    presentContext,
    conflict: (what: string, version: number) =>
      new AppError('conflict', `${what}已被他人修改，请刷新后重试`, { details: { version } }),
    /** Runs `work` in the caller's transaction when given, else in a new one. */
    inTransaction: <T>(trx: Db | undefined, work: (tx: Db) => Promise<T>): Promise<T> =>
      trx ? work(trx) : deps.db.transaction().execute(work),
    /** Field names only: the values may be personal data. */
    recordChange: (
      actor: Actor,
      targetType: string,
      targetId: string,
      detail: Record<string, unknown>,
      tx: Db,
    ) =>
      deps.audit.record(
        { action: 'registry_changed', actor, targetType, targetId, detail },
        tx as Kysely<DB>,
      ),
  };
}
export type RegistryContext = ReturnType<typeof createRegistryContext>;
