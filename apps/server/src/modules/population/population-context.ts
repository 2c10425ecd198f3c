import type { Kysely } from 'kysely';
import { maskName } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import {
  assertActionInScope,
  FULL_SCOPE,
  inScope,
  referenceInScope,
} from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import type { FieldCipher } from '../../core/crypto';
import type { DB } from '../../core/db/database';
import { AppError, conflictElsewhere, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import type { AuditService } from '../audit';
import {
  placeCode,
  placeOfAreaCode,
  shanghaiDate,
  visibleTo,
  type HouseRef,
  type PersonPlace,
} from './person-model';
import type { AreaNames } from './population.presenter';
import { createPopulationRepo, type HouseAddressOf } from './population.repo';
import type { PersonEventsTable, PersonsTable } from './population.tables';
import type { AreaRefs } from '../areas';

/** What the population module asks of the rest of the application; wired in createServices. */
export interface PopulationDeps {
  db: Kysely<DB>;
  clock: Clock;
  cipher: FieldCipher;
  audit: AuditService;
  /** Houses by id (housing module), whatever the caller's scope; unknown ids are left out. */
  houseRefs(ids: string[]): Promise<HouseRef[]>;
  /** Current areas by code (areas module). */
  areaRefs: AreaRefs;
  /** A house's full address as a subquery (housing module), so the lookup by ID number is one round trip. */
  houseAddressOf?: HouseAddressOf;
  isUniqueViolation(err: unknown): boolean;
  /** After a person's place changed (move in or out): modules keeping copies of the place (visit tasks) refresh them. */
  onPersonMoved?(personId: string): Promise<void>;
}

/** Who wrote an event: a request's actor or the system. */
export type EventActor = Pick<Actor, 'id' | 'displayName'>;

/** Helpers shared by the population use-cases (service, moves, privacy, upsert). */
export function createPopulationContext(deps: PopulationDeps) {
  const repo = createPopulationRepo(deps.db);
  const now = () => deps.clock.now().toISOString();

  return {
    deps,
    repo,
    now,
    today: () => shanghaiDate(deps.clock.now()),

    async names(codes: (string | null)[]): Promise<AreaNames> {
      const wanted = [...new Set(codes.filter((c): c is string => Boolean(c)))];
      if (wanted.length === 0) return () => null;
      const map = new Map((await deps.areaRefs(wanted)).map((a) => [a.code, a.name]));
      return (code) => (code ? (map.get(code) ?? null) : null);
    },

    conflict: (row: { version: number }) =>
      new AppError('conflict', '该人员信息已被他人修改，请刷新后重试', {
        details: { version: row.version },
      }),

    /** A record the caller acts on: 404 when it does not exist, 403 when it lies outside their scope. */
    async forAction(actor: Actor, id: string, d: Kysely<DB> = deps.db): Promise<PersonsTable> {
      const row = await repo.findById(FULL_SCOPE, id, d);
      if (!row) throw notFound('人员');
      assertActionInScope(actor.scope, placeCode(row));
      return row;
    },

    /** A house to live in, resolved through the caller's scope: unknown and outside are the same 404 on `field`. */
    async houseFor(actor: Actor, houseId: string, field = 'houseId'): Promise<HouseRef> {
      const [house] = await deps.houseRefs([houseId]);
      return referenceInScope(
        actor.scope,
        house,
        (h) => h.gridCode ?? h.communityCode,
        '房屋',
        field,
      );
    },

    /** A community or grid for a person without a house: it must exist and lie in the caller's scope. */
    async placeFor(actor: Actor, areaCode: string, field = 'areaCode'): Promise<PersonPlace> {
      const [area] = await deps.areaRefs([areaCode]);
      if (!area || (area.level !== 'community' && area.level !== 'grid'))
        throw new AppError('validation_failed', '所在社区或网格不存在', { field });
      if (!inScope(actor.scope, areaCode))
        throw new AppError('forbidden', '该区域不在您的管辖范围内');
      return placeOfAreaCode(areaCode);
    },

    /**
     * One person per document. Within the caller's scope the error names the record (masked) so they can open it;
     * elsewhere it says only that it clashes (CONFLICT_ELSEWHERE), so nobody learns who lives where outside their area.
     */
    duplicate(actor: Actor, existing: PersonsTable, field = 'idNumber'): AppError {
      if (visibleTo(actor.scope, existing)) {
        const name = maskName(existing.name);
        return new AppError('duplicate', `该证件号码已登记：${name}`, {
          field,
          details: { existing: { id: existing.id, name } },
        });
      }
      return conflictElsewhere(field);
    },

    event(
      personId: string,
      action: PersonEventsTable['action'],
      actor: EventActor,
      detail: Record<string, unknown> = {},
      at = now(),
    ): PersonEventsTable {
      return {
        id: newId(),
        person_id: personId,
        action,
        actor_id: actor.id,
        actor_name: actor.displayName,
        at,
        detail: JSON.stringify(detail),
      };
    },

    /** Joins a caller's transaction, or opens one. */
    inTransaction<T>(work: (tx: Kysely<DB>) => Promise<T>, trx?: Kysely<DB>): Promise<T> {
      return trx ? work(trx) : deps.db.transaction().execute(work);
    },
  };
}
export type PopulationContext = ReturnType<typeof createPopulationContext>;
