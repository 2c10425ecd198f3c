import type { Kysely, Transaction } from 'kysely';
import {
  ADDRESS_LEVELS,
  addressSearchTokens,
  type AddressDetail,
  type AddressLevel,
  type AddressList,
  type AddressListQuery,
  type AddressNode,
  type AddressPathItem,
  type AddressSearchQuery,
  type CreateAddressRequest,
  type UpdateAddressRequest,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import { FULL_SCOPE, inScope, type AreaScope } from '../../core/auth/area-scope';
import type { Clock } from '../../core/clock';
import type { DB } from '../../core/db/database';
import { AppError, invalid, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import { assertChildLevel, newNodeRow, placeCode, placeOf, type Place } from './address-model';
import { assertMayWrite, resolvePlace, visibleTo, type PlaceDeps } from './address-place';
import { applyAddressUpdate } from './address-update';
import { ensureAddressPath, type EnsurePathOptions, type PathStep } from './ensure-path';
import { presentAddress, presentPathItem } from './addresses.presenter';
import { createAddressesRepo } from './addresses.repo';
import type { AddressesTable } from './addresses.tables';

/**
 * A change other modules' copies must follow, inside the same transaction: a rename gives the rooms below the node
 * a new address prefix (replace the first `from` characters by `to`); a move files rooms in a new place.
 */
export type AddressChange =
  | {
      kind: 'renamed';
      roomIds: string[];
      full: { from: number; to: string };
      search: { from: number; to: string };
    }
  | { kind: 'moved'; roomIds: string[]; place: Place };

/** What the address tree asks of other modules; wired in createServices. */
export interface AddressesDeps extends PlaceDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Houses copy their room's address and codes: told of renames and moves in the writing transaction. */
  onSubtreeChanged?(tx: Transaction<DB>, change: AddressChange): Promise<void>;
}

/** One address for another module (system scope): where it is and what it is called. */
export interface AddressRef {
  id: string;
  /** The same as id: the shape houseRefs answers, so callers may treat both alike. */
  addressId: string;
  level: AddressLevel;
  fullAddress: string;
  adminCode: string;
  streetCode: string | null;
  communityCode: string | null;
  gridCode: string | null;
}

/** A node as the housing module needs it to register a house. */
export interface AddressTarget {
  id: string;
  level: AddressLevel;
  fullName: string;
  searchText: string;
  place: Place;
}

const PAGE_OF_CHILDREN = { limit: 200, offset: 0 };

/** The 标准地址 tree: browse, search, register, rename (keeping former names) and find-or-create whole paths. */
export function createAddressesService(deps: AddressesDeps) {
  const repo = createAddressesRepo(deps.db);
  const nowIso = () => deps.clock.now().toISOString();

  /** A node inside the caller's scope has only children inside it too (children lie within their parent). */
  const inside = (scope: AreaScope, r: AddressesTable) => inScope(scope, placeCode(placeOf(r)));

  /** Children each node has that the caller sees: counted in SQL for inside nodes, filtered here for coarse ones. */
  async function childCounts(
    scope: AreaScope,
    rows: AddressesTable[],
  ): Promise<Map<string, number>> {
    const [counts, places] = await Promise.all([
      repo.childCounts(rows.filter((r) => inside(scope, r)).map((r) => r.id)),
      repo.childPlaces(rows.filter((r) => !inside(scope, r)).map((r) => r.id)),
    ]);
    for (const p of places)
      if (visibleTo(scope, placeOf(p)))
        counts.set(p.parent_key, (counts.get(p.parent_key) ?? 0) + 1);
    return counts;
  }

  /** A page of the children the caller sees (a coarse node's are few: a 街巷's door plates, a compound's buildings). */
  async function childrenOf(
    scope: AreaScope,
    parent: AddressesTable,
    page: { limit: number; offset: number },
  ) {
    if (inside(scope, parent)) {
      const [rows, total] = await Promise.all([
        repo.children(parent.id, page),
        repo.countChildren(parent.id),
      ]);
      return { rows, total };
    }
    const seen = (await repo.children(parent.id)).filter((r) => visibleTo(scope, placeOf(r)));
    return { rows: seen.slice(page.offset, page.offset + page.limit), total: seen.length };
  }

  async function present(scope: AreaScope, rows: AddressesTable[]): Promise<AddressNode[]> {
    if (rows.length === 0) return [];
    const codes = [...new Set(rows.map((r) => placeCode(placeOf(r))))];
    const [refs, counts] = await Promise.all([deps.areaRefs(codes), childCounts(scope, rows)]);
    const names = new Map(refs.map((a) => [a.code, a.name]));
    return rows.map((r) =>
      presentAddress(r, {
        areaName: (c) => names.get(c) ?? null,
        childCount: (id) => counts.get(id) ?? 0,
      }),
    );
  }

  /** Ancestors, root first. At most one lookup per level; every ancestor of a visible node is visible. */
  async function ancestors(row: AddressesTable): Promise<AddressesTable[]> {
    const out: AddressesTable[] = [];
    let cur = row;
    while (cur.parent_id && out.length < ADDRESS_LEVELS.length) {
      const p = await repo.findById(FULL_SCOPE, cur.parent_id);
      if (!p) break;
      out.unshift(p);
      cur = p;
    }
    return out;
  }

  const duplicateName = (name: string) =>
    new AppError('duplicate', `同一上级下已有地址「${name}」`, { field: 'name' });

  const service = {
    /** Children of `parentId`, or the roots in scope, or a flat filtered list (ordered by full address). */
    async list(actor: Actor, q: AddressListQuery): Promise<AddressList> {
      const page = { limit: q.limit, offset: q.offset };
      if (q.parentId) {
        const parent = await repo.findById(actor.scope, q.parentId);
        if (!parent) throw notFound('地址');
        const { rows, total } = await childrenOf(actor.scope, parent, page);
        return { items: await present(actor.scope, rows), total };
      }
      if (!q.level && !q.areaCode && !q.q?.trim()) {
        const [rows, total] = await Promise.all([
          repo.roots(actor.scope, page),
          repo.countRoots(actor.scope),
        ]);
        return { items: await present(actor.scope, rows), total };
      }
      const filter = {
        level: q.level,
        areaCode: q.areaCode,
        tokens: addressSearchTokens(q.q ?? ''),
      };
      const [rows, total] = await Promise.all([
        repo.list(actor.scope, filter, page),
        repo.count(actor.scope, filter),
      ]);
      return { items: await present(actor.scope, rows), total };
    },

    /** "金水路 12号 3单元": every word must appear in the full address; only nodes the caller may see. */
    async search(actor: Actor, q: AddressSearchQuery): Promise<{ items: AddressNode[] }> {
      const tokens = addressSearchTokens(q.q);
      if (tokens.length === 0) throw invalid('q', '请输入地址关键词');
      return {
        items: await present(
          actor.scope,
          await repo.list(actor.scope, { tokens }, { limit: q.limit, offset: 0 }),
        ),
      };
    },

    async get(actor: Actor, id: string): Promise<AddressDetail> {
      const row = await repo.findById(actor.scope, id);
      if (!row) throw notFound('地址');
      const [path, children] = await Promise.all([
        ancestors(row),
        childrenOf(actor.scope, row, PAGE_OF_CHILDREN),
      ]);
      const [node, ...kids] = await present(actor.scope, [row, ...children.rows]);
      return { ...node!, path: path.map(presentPathItem), children: kids };
    },

    async create(actor: Actor, input: CreateAddressRequest): Promise<AddressDetail> {
      const parent = input.parentId ? await repo.findById(actor.scope, input.parentId) : null;
      if (input.parentId && !parent) throw invalid('parentId', '上级地址不存在');
      assertChildLevel((parent?.level as AddressLevel | undefined) ?? null, input.level, 'level');
      if (input.building && input.level !== 'building')
        throw invalid('building', '只有楼栋可填写楼栋属性');
      const { place, position } = await resolvePlace(
        deps,
        input.level,
        input,
        parent ? placeOf(parent) : null,
      );
      assertMayWrite(actor.scope, place, parent === null);
      const row = newNodeRow({
        id: newId(),
        level: input.level,
        name: input.name,
        parent: parent ?? null,
        place,
        position,
        building: input.building,
        now: nowIso(),
      });
      if (await repo.findChild(deps.db, row.parent_key, row.name_key))
        throw duplicateName(row.name);
      try {
        await repo.insert(deps.db, row);
      } catch (err) {
        // A concurrent registration of the same name loses on the unique index.
        if (await repo.findChild(deps.db, row.parent_key, row.name_key))
          throw duplicateName(row.name);
        throw err;
      }
      return service.get(actor, row.id);
    },

    /** Rename (the old name joins formerNames, the subtree's full addresses follow), move, building attributes. */
    async update(actor: Actor, id: string, input: UpdateAddressRequest): Promise<AddressDetail> {
      const row = await repo.findById(FULL_SCOPE, id);
      if (!row) throw notFound('地址');
      assertMayWrite(actor.scope, placeOf(row), false);
      if (row.version !== input.version)
        throw new AppError('conflict', '地址已被他人修改，请刷新后重试', {
          details: { version: row.version },
        });
      const parent = row.parent_id
        ? ((await repo.findById(FULL_SCOPE, row.parent_id)) ?? null)
        : null;
      await applyAddressUpdate({ deps, repo, actor, row, parent, input, now: nowIso() });
      return service.get(actor, id);
    },

    /**
     * Finds or creates every node of a path ("金水路|12号|3号楼|3单元|502室"), for imports. Idempotent: names are
     * compared in search form, so "３单元" finds "3单元". New nodes are filed at `gridCode` (any area code) or the
     * point's grid, else under their parent. Answers the last node and the ids it created.
     */
    ensurePath(actor: Actor, path: PathStep[], opts: EnsurePathOptions = {}) {
      return ensureAddressPath({ deps, repo, now: nowIso }, actor, path, opts);
    },

    /** The area new nodes of ensurePath are filed under for this area code (resolve it before opening a transaction). */
    async placeOfArea(code: string): Promise<Place> {
      return (await resolvePlace(deps, 'door_plate', { areaCode: code }, null)).place;
    },

    // For other modules (no request scope: they check their own records' scope).

    /** Addresses by id, whatever the scope, or only those a caller's scope sees (a reference by id); unknown ids are left out. */
    async refs(ids: string[], scope: AreaScope = FULL_SCOPE): Promise<AddressRef[]> {
      const rows = (await repo.findByIds([...new Set(ids)])).filter((r) =>
        visibleTo(scope, placeOf(r)),
      );
      return rows.map((r) => ({
        id: r.id,
        addressId: r.id,
        level: r.level as AddressLevel,
        fullAddress: r.full_name,
        adminCode: r.admin_code,
        streetCode: r.street_code,
        communityCode: r.community_code,
        gridCode: r.grid_code,
      }));
    },

    /** A node the caller may see, with what a house copies from it; null when unknown or out of sight. */
    async target(scope: AreaScope, id: string): Promise<AddressTarget | null> {
      const r = await repo.findById(scope, id);
      return r
        ? {
            id: r.id,
            level: r.level as AddressLevel,
            fullName: r.full_name,
            searchText: r.search_text,
            place: placeOf(r),
          }
        : null;
    },

    /** The path of a node, root first, ending with the node itself. */
    async pathOf(id: string): Promise<AddressPathItem[]> {
      const row = await repo.findById(FULL_SCOPE, id);
      return row ? [...(await ancestors(row)), row].map(presentPathItem) : [];
    },
  };
  return service;
}
export type AddressesService = ReturnType<typeof createAddressesService>;
