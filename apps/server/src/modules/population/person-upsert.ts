import type { Kysely } from 'kysely';
import type { CreatePersonRequest, UpdatePersonRequest } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { inScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { AppError, CONFLICT_ELSEWHERE } from '../../core/errors';
import { newId } from '../../core/ids';
import {
  lookupHashOf,
  placeOfAreaCode,
  storeIdentity,
  storePhone,
  visibleTo,
  type HouseRef,
  type PersonPlace,
} from './person-model';
import { residenceRow, type PersonMoves } from './person-moves';
import { attributePatch, newPersonRow, placeColumnsOf } from './person-rows';
import type { PopulationContext } from './population-context';
import type { PersonEventsTable, PersonsTable, ResidencesTable } from './population.tables';

/** One row of an import, already validated against CreatePersonRequestSchema. */
export type PersonUpsertRow = CreatePersonRequest;

export interface PersonUpsertResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Person id of each input row, in input order */
  ids: string[];
}

/** One problem of one input row; `field` is the row's field (idNumber, houseId, areaCode, nationality…). */
export interface PersonRowProblem {
  index: number;
  field: string;
  code: 'validation_failed' | 'forbidden' | 'duplicate';
  message: string;
}

/**
 * A row that passed every check, and where it goes. Its identity (encrypted number, lookup hash) is not kept: it is
 * derived again batch by batch when written, so a 100,000-row plan holds little more than the rows themselves.
 */
interface Prepared {
  index: number;
  row: PersonUpsertRow;
  house: HouseRef | null;
  place: PersonPlace;
}

/** Checked rows, ready to write: what `applyPersonUpsert` takes. Build it before opening a transaction. */
export interface PersonUpsertPlan {
  readonly rows: readonly Prepared[];
  /** The day the rows were checked on (15-digit IDs and birth dates are judged against it), reused when writing. */
  readonly today: Date;
}

const defaultResidence = (row: PersonUpsertRow) =>
  row.populationType === 'floating' ? 'rent' : 'own';

/** Rows checked and written per batch: enough to keep round trips few, small enough that memory stays flat. */
const BATCH = 2_000;

/**
 * The batch use-case behind the spreadsheet import. Rows are matched on their document number (a re-import of the
 * same file changes nothing), new persons are inserted in batches, changed ones updated under their version, and a
 * new house is a move. Every row is checked before anything is written; the writes are one transaction (the
 * caller's, when given).
 *
 * Checking asks the housing and areas modules, which query on their own connection: on SQLite (one connection) that
 * must happen before a caller's transaction opens. Hence plan → apply; `upsertPersons` does both.
 */
export function createPersonUpsert(ctx: PopulationContext, moves: PersonMoves) {
  const { deps, repo } = ctx;

  /**
   * Every problem of rows[start, end) (look-ups batched), and the rows that passed. `seen` spans the whole input, so
   * a document number repeated anywhere in the file is found whatever batch its rows fall in.
   */
  async function validateBatch(
    actor: Actor,
    rows: readonly PersonUpsertRow[],
    range: { start: number; end: number },
    shared: { seen: Map<string, number>; places: Map<string, PersonPlace>; today: Date },
  ): Promise<{ prepared: (Prepared & { hash: string })[]; problems: PersonRowProblem[] }> {
    const { start, end } = range;
    const { seen, places, today } = shared;
    const batch = rows.slice(start, end);
    const houseIds = [...new Set(batch.flatMap((r) => (r.houseId ? [r.houseId] : [])))];
    const areaCodes = [
      ...new Set(batch.flatMap((r) => (!r.houseId && r.areaCode ? [r.areaCode] : []))),
    ];
    const houses = new Map(
      (houseIds.length ? await deps.houseRefs(houseIds) : []).map((h) => [h.id, h]),
    );
    const areas = new Map(
      (areaCodes.length ? await deps.areaRefs(areaCodes) : []).map((a) => [a.code, a]),
    );
    const problems: PersonRowProblem[] = [];
    const prepared: (Prepared & { hash: string })[] = [];
    batch.forEach((row, offset) => {
      const index = start + offset;
      const problem = (
        field: string,
        message: string,
        code: PersonRowProblem['code'] = 'validation_failed',
      ) => void problems.push({ index, field, code, message });
      // Checking needs the lookup hash only (the same number rules as storeIdentity); encrypting waits for the write.
      let hash: string;
      try {
        hash = lookupHashOf(deps.cipher, row.idType, row.idNumber, today);
      } catch (err) {
        return problem('idNumber', err instanceof Error ? err.message : String(err));
      }
      const first = seen.get(hash);
      if (first !== undefined) return problem('idNumber', `与第 ${first + 1} 条的证件号码重复`);
      seen.set(hash, index);
      if (row.populationType === 'foreign' && !row.nationality)
        return problem('nationality', '境外人员须填写国籍');
      if (row.houseId) {
        const house = houses.get(row.houseId);
        if (!house) return problem('houseId', '房屋不存在');
        if (!inScope(actor.scope, house.gridCode ?? house.communityCode))
          return problem('houseId', '该房屋不在您的管辖范围内', 'forbidden');
        return void prepared.push({ index, row, hash, house, place: house });
      }
      const area = areas.get(row.areaCode ?? '');
      if (!area || (area.level !== 'community' && area.level !== 'grid'))
        return problem('areaCode', '所在社区或网格不存在');
      if (!inScope(actor.scope, area.code))
        return problem('areaCode', '该区域不在您的管辖范围内', 'forbidden');
      // One place object per area, shared by its rows.
      const place = places.get(area.code) ?? placeOfAreaCode(area.code);
      places.set(area.code, place);
      prepared.push({ index, row, hash, house: null, place });
    });
    // Matching a person registered elsewhere is refused like a single registration: without saying who or where.
    const existing = await repo.findByHashes(prepared.map((p) => p.hash));
    const elsewhere = new Set(
      existing.filter((r) => !visibleTo(actor.scope, r)).map((r) => r.id_hash),
    );
    for (const p of prepared)
      if (elsewhere.has(p.hash))
        problems.push({
          index: p.index,
          field: 'idNumber',
          code: 'duplicate',
          message: CONFLICT_ELSEWHERE,
        });
    return { prepared, problems };
  }

  /**
   * Every problem of every row, and (with `keep`) the rows that passed. Rows are checked BATCH at a time, so the
   * records looked up (houses, areas, persons already registered) are never all held at once.
   */
  async function validate(
    actor: Actor,
    rows: readonly PersonUpsertRow[],
    keep: boolean,
  ): Promise<{ prepared: Prepared[]; problems: PersonRowProblem[]; today: Date }> {
    const shared = {
      seen: new Map<string, number>(),
      places: new Map<string, PersonPlace>(),
      today: deps.clock.now(),
    };
    const problems: PersonRowProblem[] = [];
    const prepared: Prepared[] = [];
    for (let start = 0; start < rows.length; start += BATCH) {
      const part = await validateBatch(
        actor,
        rows,
        { start, end: Math.min(rows.length, start + BATCH) },
        shared,
      );
      problems.push(...part.problems);
      if (keep)
        for (const { index, row, house, place } of part.prepared)
          prepared.push({ index, row, house, place });
    }
    problems.sort((a, b) => a.index - b.index);
    return { prepared, problems, today: shared.today };
  }

  /** Changes an existing person to what the row says; returns whether anything changed. */
  async function applyToExisting(
    tx: Kysely<DB>,
    actor: Actor,
    p: Prepared,
    existing: PersonsTable,
    now: string,
  ): Promise<boolean> {
    const { row } = p;
    const input: UpdatePersonRequest = { ...row, version: existing.version };
    const { patch, fields } = attributePatch(deps.cipher, existing, input);
    if (row.phone !== undefined) {
      const phone = storePhone(deps.cipher, row.phone);
      if (phone.phone_hash !== existing.phone_hash) {
        Object.assign(patch, phone);
        fields.push('phone');
      }
    }
    if (
      !p.house &&
      !existing.house_id &&
      (p.place.communityCode !== existing.community_code || p.place.gridCode !== existing.grid_code)
    ) {
      Object.assign(patch, placeColumnsOf(p.place));
      fields.push('areaCode');
    }
    let current = existing;
    if (fields.length) {
      if (
        !(await repo.updateIfVersion(tx, existing.id, existing.version, {
          ...patch,
          version: existing.version + 1,
          updated_at: now,
        }))
      )
        throw ctx.conflict(existing);
      await repo.appendEvents(tx, [
        ctx.event(existing.id, 'updated', actor, { fields, import: true }, now),
      ]);
      current = { ...existing, ...patch, version: existing.version + 1 };
    }
    const moved = p.house !== null && p.house.id !== existing.house_id;
    if (p.house && moved) {
      const stay = {
        residenceType: row.residenceType ?? defaultResidence(row),
        relation: row.relation ?? null,
        movedInAt: row.movedInAt ?? ctx.today(),
      };
      await moves.moveInto(tx, current, p.house, stay, actor);
    }
    return fields.length > 0 || moved;
  }

  /** Problems of all rows, for an import's check step (nothing is written). */
  async function checkPersonRows(
    actor: Actor,
    rows: readonly PersonUpsertRow[],
  ): Promise<PersonRowProblem[]> {
    return (await validate(actor, rows, false)).problems;
  }

  /** Checks the rows (look-ups outside any transaction) and throws the first problem, its field `rows.<i>.<field>`. */
  async function planPersonUpsert(
    actor: Actor,
    rows: readonly PersonUpsertRow[],
  ): Promise<PersonUpsertPlan> {
    const { prepared, problems, today } = await validate(actor, rows, true);
    const first = problems[0];
    if (first)
      throw new AppError(first.code, `第 ${first.index + 1} 条：${first.message}`, {
        field: `rows.${first.index}.${first.field}`,
      });
    return { rows: prepared, today };
  }

  /** Writes a plan in one transaction (the caller's when given); only this module's tables are touched. */
  async function applyPersonUpsert(
    actor: Actor,
    plan: PersonUpsertPlan,
    trx?: Kysely<DB>,
  ): Promise<PersonUpsertResult> {
    const result: PersonUpsertResult = { created: 0, updated: 0, unchanged: 0, ids: [] };
    /** One batch of the plan: its persons looked up, then changed or inserted, all inside the caller's transaction. */
    const writeBatch = async (tx: Kysely<DB>, part: readonly Prepared[], now: string) => {
      // Checked when planned, so this cannot throw; derived here to keep the plan small.
      const identities = part.map((p) =>
        storeIdentity(deps.cipher, p.row.idType, p.row.idNumber, plan.today),
      );
      const existing = new Map(
        (
          await repo.findByHashes(
            identities.map((i) => i.hash),
            tx,
          )
        ).map((r) => [r.id_hash, r]),
      );
      const inserts: PersonsTable[] = [];
      const stays: ResidencesTable[] = [];
      const events: PersonEventsTable[] = [];
      for (const [i, p] of part.entries()) {
        const identity = identities[i]!;
        const found = existing.get(identity.hash);
        if (found && !visibleTo(actor.scope, found))
          throw new AppError('duplicate', `第 ${p.index + 1} 条：${CONFLICT_ELSEWHERE}`, {
            field: `rows.${p.index}.idNumber`,
          });
        if (found) {
          result.ids.push(found.id);
          try {
            if (await applyToExisting(tx, actor, p, found, now)) result.updated++;
            else result.unchanged++;
          } catch (err) {
            if (err instanceof AppError && err.field)
              throw new AppError(err.code, `第 ${p.index + 1} 条：${err.message}`, {
                field: `rows.${p.index}.${err.field}`,
              });
            throw err;
          }
          continue;
        }
        const person = newPersonRow(
          deps.cipher,
          newId(),
          p.row,
          identity,
          storePhone(deps.cipher, p.row.phone),
          p.place,
          p.house?.id ?? null,
          now,
        );
        inserts.push(person);
        if (p.house)
          stays.push(
            residenceRow(
              person.id,
              p.house,
              {
                residenceType: p.row.residenceType ?? defaultResidence(p.row),
                relation: person.relation,
                movedInAt: p.row.movedInAt ?? ctx.today(),
              },
              now,
            ),
          );
        events.push(
          ctx.event(
            person.id,
            'created',
            actor,
            { houseId: p.house?.id ?? null, import: true },
            now,
          ),
        );
        result.ids.push(person.id);
        result.created++;
      }
      await repo.insertPersons(tx, inserts);
      await repo.insertResidences(tx, stays);
      await repo.appendEvents(tx, events);
    };
    // Batches keep the rows being written (and the records they match) small; the transaction stays one, so a
    // failure anywhere still writes nothing. A file holds each document number once, so batches never overlap.
    const work = async (tx: Kysely<DB>) => {
      const now = ctx.now();
      for (let start = 0; start < plan.rows.length; start += BATCH)
        await writeBatch(tx, plan.rows.slice(start, start + BATCH), now);
    };
    try {
      await ctx.inTransaction(work, trx);
    } catch (err) {
      if (deps.isUniqueViolation(err))
        throw new AppError('duplicate', '导入期间有证件号码被他人登记，请重新导入');
      throw err;
    }
    return result;
  }

  return {
    checkPersonRows,
    planPersonUpsert,
    applyPersonUpsert,
    /** plan + apply in its own transaction; with `trx`, see planPersonUpsert/applyPersonUpsert (SQLite). */
    upsertPersons: async (
      actor: Actor,
      rows: PersonUpsertRow[],
      trx?: Kysely<DB>,
    ): Promise<PersonUpsertResult> =>
      applyPersonUpsert(actor, await planPersonUpsert(actor, rows), trx),
  };
}
