import type { CreateUnitRequest, UnitUpsertResult } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { inScope } from '../../core/auth/area-scope';
import { AppError, CONFLICT_ELSEWHERE, conflictElsewhere } from '../../core/errors';
import { newId } from '../../core/ids';
import type { RegistryContext } from './registry-context';
import { resolveLocation, type LocationColumns } from './unit-location';
import { identifiersOf, newUnitRow, unitPatch, type Identifiers } from './unit-rows';
import type { Db } from './units.repo';
import type { UnitsTable } from './units.tables';

/** Re-labels a row's error with its position, so an import report can point at the line. */
function atRow(i: number, err: unknown): unknown {
  if (!(err instanceof AppError)) return err;
  return new AppError(err.code, `第 ${i + 1} 行：${err.message}`, {
    field: `rows.${i}${err.field ? `.${err.field}` : ''}`,
    details: err.details,
  });
}

interface Planned {
  input: CreateUnitRequest;
  ids: Identifiers;
  where: LocationColumns;
}

/**
 * Creates or updates units matched on their credit code (else registration number), all in one transaction:
 * a second run of the same rows changes nothing. Any bad row fails the whole call with `rows.<i>.<field>`.
 *
 * Locating runs before the transaction. A caller passing its own `trx` on SQLite must not hold it open around
 * this call's location lookups through other connections; PostgreSQL has no such limit.
 */
export function createUnitsUpsert(ctx: RegistryContext) {
  const { deps, units: repo } = ctx;

  async function plan(actor: Actor, rows: readonly CreateUnitRequest[]): Promise<Planned[]> {
    const out: Planned[] = [];
    const seen = new Map<string, number>();
    for (const [i, input] of rows.entries()) {
      try {
        const ids = identifiersOf(input, input.unitType);
        for (const [key, field] of [
          [ids.credit_code, 'creditCode'],
          [ids.registration_no, 'registrationNo'],
        ] as const) {
          if (!key) continue;
          const first = seen.get(`${field}:${key}`);
          if (first !== undefined)
            throw new AppError('duplicate', `与第 ${first + 1} 行重复`, { field });
          seen.set(`${field}:${key}`, i);
        }
        out.push({ input, ids, where: await resolveLocation(deps, actor, input) });
      } catch (err) {
        throw atRow(i, err);
      }
    }
    return out;
  }

  /**
   * Every problem of every row, for an import's dry run: what `plan` would refuse (identifiers, location, scope) and
   * rows matching a unit of another area. Writes nothing.
   */
  async function checkUnitRows(
    actor: Actor,
    rows: readonly CreateUnitRequest[],
  ): Promise<{ index: number; field: string; message: string }[]> {
    const problems: { index: number; field: string; message: string }[] = [];
    const planned: { index: number; ids: Identifiers }[] = [];
    for (const [index, input] of rows.entries()) {
      try {
        const ids = identifiersOf(input, input.unitType);
        await resolveLocation(deps, actor, input);
        planned.push({ index, ids });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        // Without a field the problem is where the unit is (a point outside every grid or outside the scope).
        problems.push({ index, field: err.field ?? 'lng', message: err.message });
      }
    }
    const credits = planned.flatMap((p) => (p.ids.credit_code ? [p.ids.credit_code] : []));
    const regs = planned.flatMap((p) => (p.ids.registration_no ? [p.ids.registration_no] : []));
    const [c, r] = await Promise.all([
      repo.findByIdentifiers('credit_code', credits),
      repo.findByIdentifiers('registration_no', regs),
    ]);
    const elsewhere = new Set(
      [...c, ...r]
        .filter((u) => !inScope(actor.scope, u.grid_code))
        .flatMap((u) => [u.credit_code, u.registration_no]),
    );
    for (const p of planned) {
      if (p.ids.credit_code && elsewhere.has(p.ids.credit_code))
        problems.push({ index: p.index, field: 'creditCode', message: CONFLICT_ELSEWHERE });
      else if (p.ids.registration_no && elsewhere.has(p.ids.registration_no))
        problems.push({ index: p.index, field: 'registrationNo', message: CONFLICT_ELSEWHERE });
    }
    return problems;
  }

  /** The unit a row matches: by credit code first, else registration number; both must not name two units. */
  function match(
    p: Planned,
    byCredit: Map<string, UnitsTable>,
    byReg: Map<string, UnitsTable>,
  ): UnitsTable | undefined {
    const a = p.ids.credit_code ? byCredit.get(p.ids.credit_code) : undefined;
    const b = p.ids.registration_no ? byReg.get(p.ids.registration_no) : undefined;
    if (a && b && a.id !== b.id)
      throw new AppError('duplicate', `注册号 ${p.ids.registration_no} 已属于单位「${b.name}」`, {
        field: 'registrationNo',
      });
    return a ?? b;
  }

  async function upsertUnits(
    actor: Actor,
    rows: readonly CreateUnitRequest[],
    trx?: Db,
  ): Promise<UnitUpsertResult> {
    const planned = await plan(actor, rows);
    return ctx.inTransaction(trx, async (tx) => {
      const credits = planned.flatMap((p) => (p.ids.credit_code ? [p.ids.credit_code] : []));
      const regs = planned.flatMap((p) => (p.ids.registration_no ? [p.ids.registration_no] : []));
      const [c, r] = await Promise.all([
        repo.findByIdentifiers('credit_code', credits, tx),
        repo.findByIdentifiers('registration_no', regs, tx),
      ]);
      const byCredit = new Map(c.map((u) => [u.credit_code!, u]));
      const byReg = new Map(r.map((u) => [u.registration_no!, u]));
      const result: UnitUpsertResult = { created: 0, updated: 0, unchanged: 0, ids: [] };
      const now = ctx.nowIso();
      for (const [i, p] of planned.entries()) {
        try {
          const existing = match(p, byCredit, byReg);
          if (!existing) {
            const row = newUnitRow(newId(), p.input, p.ids, p.where, deps.cipher, now, ctx.today());
            await repo.insert(tx, row);
            result.created++;
            result.ids.push(row.id);
            continue;
          }
          // Another area's unit is not the importer's to overwrite, nor to learn about.
          if (!inScope(actor.scope, existing.grid_code))
            throw conflictElsewhere(p.ids.credit_code ? 'creditCode' : 'registrationNo');
          result.ids.push(existing.id);
          const patch = unitPatch(existing, p.input, p.ids, p.where, deps.cipher);
          if (Object.keys(patch).length === 0) {
            result.unchanged++;
            continue;
          }
          if (
            !(await repo.updateIfVersion(tx, existing.id, existing.version, {
              ...patch,
              version: existing.version + 1,
              updated_at: now,
            }))
          )
            throw ctx.conflict('单位', existing.version);
          result.updated++;
        } catch (err) {
          throw atRow(i, err);
        }
      }
      if (result.created + result.updated > 0)
        await ctx.recordChange(
          actor,
          'unit',
          'upsert',
          {
            op: 'upsert',
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
          },
          tx,
        );
      return result;
    });
  }
  return { upsertUnits, checkUnitRows };
}
