import type { AddressLevel, UpdateAddressRequest } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { FULL_SCOPE } from '../../core/auth/area-scope';
import { AppError, invalid } from '../../core/errors';
import {
  buildingJson,
  nameColumns,
  parentKeyOf,
  parseJson,
  placeColumns,
  placeOf,
  samePlace,
  textLength,
  type FormerName,
  type Place,
} from './address-model';
import { assertMayWrite, resolvePlace } from './address-place';
import type { AddressesRepo } from './addresses.repo';
import type { AddressesDeps } from './addresses.service';
import type { AddressesTable } from './addresses.tables';

export interface UpdateContext {
  deps: AddressesDeps;
  repo: AddressesRepo;
  actor: Actor;
  row: AddressesTable;
  parent: AddressesTable | null;
  input: UpdateAddressRequest;
  now: string;
}

/** The new place of a node, when the request asks for one (a point, an area, or both). */
async function movedPlace(c: UpdateContext, patch: Partial<AddressesTable>): Promise<Place | null> {
  const { row, input } = c;
  if (input.areaCode === undefined && input.lng === undefined) return null;
  // A new area alone must still contain the node's stored point.
  const point =
    input.lng !== undefined
      ? { lng: input.lng, lat: input.lat, crs: input.crs }
      : row.lng !== null && row.lat !== null
        ? { lng: row.lng, lat: row.lat }
        : {};
  const { place, position } = await resolvePlace(
    c.deps,
    row.level as AddressLevel,
    { ...point, areaCode: input.areaCode },
    c.parent ? placeOf(c.parent) : null,
  );
  if (position && input.lng !== undefined)
    Object.assign(patch, { lng: position[0], lat: position[1] });
  if (samePlace(place, placeOf(row))) return null;
  assertMayWrite(c.actor.scope, place, false);
  Object.assign(patch, placeColumns(place));
  // A 街巷 moved to another district joins that district's roots.
  if (!c.parent) patch.parent_key = parentKeyOf(null, place);
  return place;
}

/**
 * Applies a PATCH in one transaction: the row (version-checked), then the subtree — a rename rewrites the
 * descendants' address prefix, a move takes along the descendants that inherited the old place — and the copies
 * other modules keep (houses) through the change hook.
 */
export async function applyAddressUpdate(c: UpdateContext): Promise<void> {
  const { deps, repo, row, input, now } = c;
  const level = row.level as AddressLevel;
  const patch: Partial<AddressesTable> = {};
  let renamed: { full: { from: number; to: string }; search: { from: number; to: string } } | null =
    null;
  if (input.name !== undefined && input.name !== row.name) {
    const cols = nameColumns(input.name, c.parent);
    const former = parseJson<FormerName[]>(row.former_names, []);
    Object.assign(patch, cols, {
      former_names: JSON.stringify([...former, { name: row.name, until: now }]),
    });
    renamed = {
      full: { from: textLength(row.full_name), to: cols.full_name },
      search: { from: textLength(row.search_text), to: cols.search_text },
    };
  }
  const from = placeOf(row);
  const moved = await movedPlace(c, patch);
  if (input.building !== undefined) {
    if (input.building && level !== 'building') throw invalid('building', '只有楼栋可填写楼栋属性');
    patch.building_info = buildingJson(level, input.building);
  }
  if (Object.keys(patch).length === 0) return;

  const parentKey = patch.parent_key ?? row.parent_key;
  const nameKey = patch.name_key ?? row.name_key;
  const duplicate = async () => {
    const other = await repo.findChild(deps.db, parentKey, nameKey);
    return other && other.id !== row.id
      ? new AppError('duplicate', `同一上级下已有地址「${other.name}」`, { field: 'name' })
      : null;
  };
  if (parentKey !== row.parent_key || nameKey !== row.name_key) {
    const dup = await duplicate();
    if (dup) throw dup;
  }
  const rooms = async (tx: Parameters<typeof repo.descendantIds>[0], o: { place?: Place }) => [
    ...(level === 'room' ? [row.id] : []),
    ...(await repo.descendantIds(tx, row.id, { ...o, level: 'room' })),
  ];
  try {
    await deps.db.transaction().execute(async (tx) => {
      if (
        !(await repo.updateIfVersion(tx, row.id, row.version, {
          ...patch,
          version: row.version + 1,
          updated_at: now,
        }))
      ) {
        const current = await repo.findById(FULL_SCOPE, row.id, tx);
        throw new AppError('conflict', '地址已被他人修改，请刷新后重试', {
          details: { version: current?.version ?? null },
        });
      }
      if (renamed) {
        await repo.renameDescendants(tx, row.id, renamed.full, renamed.search);
        const roomIds = await rooms(tx, {});
        if (roomIds.length)
          await deps.onSubtreeChanged?.(tx, { kind: 'renamed', roomIds, ...renamed });
      }
      if (moved) {
        const strays = (await repo.descendantPlacesOutside(tx, row.id, moved)).filter(
          (r) => !samePlace(placeOf(r), from),
        );
        if (strays.length)
          throw invalid(
            input.areaCode ? 'areaCode' : 'lng',
            `有 ${strays.length} 个下级地址不在新区域内，请先调整它们`,
          );
        const roomIds = await rooms(tx, { place: from });
        await repo.setPlace(tx, await repo.descendantIds(tx, row.id, { place: from }), moved, now);
        if (roomIds.length)
          await deps.onSubtreeChanged?.(tx, { kind: 'moved', roomIds, place: moved });
      }
    });
  } catch (err) {
    // A concurrent rename to the same name loses on the unique index.
    if (!(err instanceof AppError) && renamed) {
      const dup = await duplicate();
      if (dup) throw dup;
    }
    throw err;
  }
}
