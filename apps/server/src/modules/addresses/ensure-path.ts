import type { Transaction } from 'kysely';
import {
  ADDRESS_LEVEL_LABELS,
  ADDRESS_LEVELS,
  cleanAddressName,
  type AddressLevel,
  type Crs,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { AreaScope } from '../../core/auth/area-scope';
import type { DB } from '../../core/db/database';
import { AppError, invalid } from '../../core/errors';
import { newId } from '../../core/ids';
import {
  assertChildLevel,
  nameColumns,
  newNodeRow,
  parentKeyOf,
  placeOf,
  placeWithin,
  type Place,
} from './address-model';
import { assertMayWrite, resolvePlace, visibleTo } from './address-place';
import type { AddressesDeps } from './addresses.service';
import type { AddressesRepo } from './addresses.repo';
import type { AddressesTable } from './addresses.tables';

export interface PathStep {
  level: AddressLevel;
  name: string;
}

export interface EnsurePathOptions {
  /** Area to file new nodes under: normally a grid code; any current area code is accepted. */
  gridCode?: string | undefined;
  lng?: number | undefined;
  lat?: number | undefined;
  crs?: Crs | undefined;
  /** Join the caller's transaction (an import writing all its rows or none). */
  tx?: Transaction<DB> | undefined;
  /**
   * The area already resolved (AddressesService.placeOfArea). A caller inside a transaction must pass it: resolving a
   * grid code reads the areas module on its own connection, which SQLite's single connection cannot serve meanwhile.
   */
  place?: Place | undefined;
}

export interface EnsuredPath {
  /** The last node of the path. */
  id: string;
  level: AddressLevel;
  fullAddress: string;
  /** Ids of the nodes this call created, root first (empty when the whole path existed). */
  created: string[];
  /** Search text and area of the last node, for records filed on it (a house on its room). */
  searchText: string;
  place: Place;
}

interface Ctx {
  deps: AddressesDeps;
  repo: AddressesRepo;
  now(): string;
}

/** The one district a scope lies in, if there is exactly one (an import without grid codes). */
function soleDistrict(scope: AreaScope): string | null {
  if (scope.all || scope.prefixes.some((p) => p.length < 6)) return null;
  const districts = new Set(scope.prefixes.map((p) => p.slice(0, 6)));
  return districts.size === 1 ? [...districts][0]! : null;
}

/** The district of the one 街巷 of this name the caller sees (a path that exists needs no place). */
async function onlyRoot(
  repo: AddressesRepo,
  scope: AreaScope,
  name: string,
): Promise<string | null> {
  const roots = await repo.rootsNamed(scope, nameColumns(name, null).name_key);
  return roots.length === 1 ? roots[0]!.admin_code : null;
}

function cleanSteps(path: PathStep[]): PathStep[] {
  if (path.length === 0 || path.length > ADDRESS_LEVELS.length)
    throw invalid('path', '地址路径应有 1 到 7 级');
  const steps = path.map((s, i) => {
    const name = cleanAddressName(s.name);
    if (!name || name.length > 50 || name.includes('|'))
      throw invalid(`path.${i}.name`, `第 ${i + 1} 级地址名称无效`);
    if (!ADDRESS_LEVELS.includes(s.level))
      throw invalid(`path.${i}.level`, `第 ${i + 1} 级地址层级无效`);
    return { level: s.level, name };
  });
  steps.forEach((s, i) =>
    assertChildLevel(i > 0 ? steps[i - 1]!.level : null, s.level, `path.${i}.level`),
  );
  return steps;
}

/** Find-or-create of a whole path; see AddressesService.ensurePath. */
export async function ensureAddressPath(
  ctx: Ctx,
  actor: Actor,
  path: PathStep[],
  opts: EnsurePathOptions,
): Promise<EnsuredPath> {
  const steps = cleanSteps(path);
  const given = opts.place
    ? { place: opts.place, position: null }
    : opts.gridCode || opts.lng !== undefined
      ? await resolvePlace(
          ctx.deps,
          'door_plate',
          { areaCode: opts.gridCode, lng: opts.lng, lat: opts.lat, crs: opts.crs },
          null,
        )
      : null;
  const district =
    given?.place.admin ??
    soleDistrict(actor.scope) ??
    (await onlyRoot(ctx.repo, actor.scope, steps[0]!.name));
  if (!district) throw invalid('gridCode', '请提供所属网格或坐标');
  const field = opts.gridCode ? 'gridCode' : 'lng';

  const run = async (tx: Transaction<DB>): Promise<EnsuredPath> => {
    let parent: AddressesTable | null = null;
    const created: string[] = [];
    for (const [i, s] of steps.entries()) {
      const root: Place = { admin: district, street: null, community: null, grid: null };
      let node: AddressesTable | undefined = await ctx.repo.findChild(
        tx,
        parentKeyOf(parent, root),
        nameColumns(s.name, parent).name_key,
      );
      if (node) {
        if (node.level !== s.level)
          throw invalid(
            `path.${i}.level`,
            `「${node.full_name}」已登记为${ADDRESS_LEVEL_LABELS[node.level as AddressLevel].zh}`,
          );
        if (!visibleTo(actor.scope, placeOf(node)))
          throw new AppError('forbidden', `地址「${node.full_name}」不在您的管辖范围内`);
      } else {
        const place = !parent ? root : (given?.place ?? placeOf(parent));
        if (parent && !placeWithin(place, placeOf(parent)))
          throw invalid(field, `「${parent.full_name}${s.name}」不在上级地址所属区域内`);
        assertMayWrite(actor.scope, place, parent === null);
        node = newNodeRow({
          id: newId(),
          level: s.level,
          name: s.name,
          parent,
          place,
          position: parent ? (given?.position ?? null) : null,
          building: null,
          now: ctx.now(),
        });
        await ctx.repo.insert(tx, node);
        created.push(node.id);
      }
      parent = node;
    }
    return {
      id: parent!.id,
      level: parent!.level as AddressLevel,
      fullAddress: parent!.full_name,
      created,
      searchText: parent!.search_text,
      place: placeOf(parent!),
    };
  };

  if (opts.tx) return run(opts.tx);
  try {
    return await ctx.deps.db.transaction().execute(run);
  } catch (err) {
    // Two imports creating the same node: the loser's unique violation rolls it back; the second try finds the node.
    if (err instanceof AppError) throw err;
    return ctx.deps.db.transaction().execute(run);
  }
}
