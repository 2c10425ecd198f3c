import type { Kysely } from 'kysely';
import type { PersonMoveInRequest, PersonMoveOutRequest, ResidenceType } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { DB } from '../../core/db/database';
import { AppError } from '../../core/errors';
import { newId } from '../../core/ids';
import type { HouseRef } from './person-model';
import type { EventActor, PopulationContext } from './population-context';
import type { PersonEventsTable, PersonsTable, ResidencesTable } from './population.tables';

/** A new current residence in a house, with that house's codes and address as they are today. */
export function residenceRow(
  personId: string,
  house: HouseRef,
  r: { residenceType: ResidenceType; relation: string | null; movedInAt: string },
  now: string,
): ResidencesTable {
  return {
    id: newId(),
    person_id: personId,
    house_id: house.id,
    address: house.fullAddress,
    residence_type: r.residenceType,
    relation: r.relation,
    moved_in_at: r.movedInAt,
    moved_out_at: null,
    reason: null,
    destination: null,
    admin_code: house.adminCode,
    street_code: house.streetCode,
    community_code: house.communityCode,
    grid_code: house.gridCode,
    created_at: now,
  };
}

/** The person's columns that follow their house. */
export const placeColumns = (house: HouseRef) => ({
  house_id: house.id,
  admin_code: house.adminCode,
  street_code: house.streetCode,
  community_code: house.communityCode,
  grid_code: house.gridCode,
});

/**
 * 迁入 / 迁出 / 死亡. Each closes the current residence (history is never rewritten), updates the person under its
 * version and appends events, all in one transaction.
 */
export function createPersonMoves(ctx: PopulationContext) {
  const { repo } = ctx;

  /** Moves a person into a house inside a transaction; the import joins it with its own. */
  async function moveInto(
    tx: Kysely<DB>,
    row: PersonsTable,
    house: HouseRef,
    r: { residenceType: ResidenceType; relation: string | null; movedInAt: string },
    actor: EventActor,
  ): Promise<PersonEventsTable[]> {
    const now = ctx.now();
    const current = await repo.currentResidence(tx, row.id);
    if (current?.house_id === house.id)
      throw new AppError('validation_failed', '该人员已居住在此房屋', { field: 'houseId' });
    if (current && r.movedInAt < current.moved_in_at)
      throw new AppError(
        'validation_failed',
        `迁入日期不能早于当前住址的迁入日期 ${current.moved_in_at}`,
        { field: 'movedInAt' },
      );
    const events: PersonEventsTable[] = [];
    if (current) {
      // No destination on the old stay: its readers may not see where the person went.
      await repo.closeResidence(tx, current.id, {
        moved_out_at: r.movedInAt,
        reason: '迁入新住址',
        destination: null,
      });
      events.push(ctx.event(row.id, 'moved_out', actor, { residenceId: current.id }, now));
    }
    const next = residenceRow(row.id, house, r, now);
    await repo.insertResidences(tx, [next]);
    const ok = await repo.updateIfVersion(tx, row.id, row.version, {
      ...placeColumns(house),
      relation: r.relation,
      status: 'active',
      version: row.version + 1,
      updated_at: now,
    });
    if (!ok) throw ctx.conflict(row);
    events.push(
      ctx.event(row.id, 'moved_in', actor, { residenceId: next.id, houseId: house.id }, now),
    );
    await repo.appendEvents(tx, events);
    return events;
  }

  /** Ends the current stay (迁出 or death); the person keeps the codes of the place they left. */
  async function leave(
    tx: Kysely<DB>,
    row: PersonsTable,
    at: string,
    reason: string,
    destination: string | null,
    action: 'moved_out' | 'deceased',
    actor: EventActor,
  ): Promise<void> {
    const now = ctx.now();
    const current = await repo.currentResidence(tx, row.id);
    if (current && at < current.moved_in_at)
      throw new AppError('validation_failed', `日期不能早于迁入日期 ${current.moved_in_at}`, {
        field: 'at',
      });
    if (current)
      await repo.closeResidence(tx, current.id, { moved_out_at: at, reason, destination });
    const status = action === 'deceased' ? 'deceased' : 'moved_out';
    const ok = await repo.updateIfVersion(tx, row.id, row.version, {
      house_id: null,
      relation: null,
      status,
      version: row.version + 1,
      updated_at: now,
    });
    if (!ok) throw ctx.conflict(row);
    await repo.appendEvents(tx, [
      ctx.event(row.id, action, actor, { residenceId: current?.id ?? null, at }, now),
    ]);
  }

  const notFuture = (date: string, field: string) => {
    if (date > ctx.today()) throw new AppError('validation_failed', '日期不能晚于今天', { field });
  };

  return {
    moveInto,
    leave,
    notFuture,

    async moveIn(actor: Actor, id: string, input: PersonMoveInRequest): Promise<void> {
      const row = await ctx.forAction(actor, id);
      if (row.status === 'deceased')
        throw new AppError('validation_failed', '已死亡人员不能迁入', { field: 'houseId' });
      notFuture(input.movedInAt, 'movedInAt');
      const house = await ctx.houseFor(actor, input.houseId);
      await ctx.deps.db.transaction().execute((tx) =>
        moveInto(
          tx,
          row,
          house,
          {
            residenceType: input.residenceType,
            relation: input.relation ?? null,
            movedInAt: input.movedInAt,
          },
          actor,
        ),
      );
    },

    async moveOut(actor: Actor, id: string, input: PersonMoveOutRequest): Promise<void> {
      const row = await ctx.forAction(actor, id);
      if (row.status !== 'active')
        throw new AppError(
          'validation_failed',
          row.status === 'deceased' ? '该人员已死亡' : '该人员已迁出',
          { field: 'at' },
        );
      notFuture(input.at, 'at');
      await ctx.deps.db
        .transaction()
        .execute((tx) =>
          leave(tx, row, input.at, input.reason, input.destination ?? null, 'moved_out', actor),
        );
    },
  };
}
export type PersonMoves = ReturnType<typeof createPersonMoves>;
