import type { Transaction } from 'kysely';
import {
  ADDRESS_LEVEL_LABELS,
  childLevelsOf,
  CreateHouseRequestSchema,
  HOUSE_OWNERSHIP_LABELS,
  HOUSE_USE_LABELS,
  RENT_PURPOSE_LABELS,
  type AddressLevel,
  type CreateHouseRequest,
} from '@wangge/shared';
import type { Actor } from '../../../core/auth/actor';
import { inScope } from '../../../core/auth/area-scope';
import type { DB } from '../../../core/db/database';
import { AppError } from '../../../core/errors';
import type { CellProblem, ImportSpec } from '../import-spec';
import { choice, dateCell, orNull, validateWith } from './spec-helpers';

type Place = {
  admin: string;
  street: string | null;
  community: string | null;
  grid: string | null;
};
type Room = { id: string; fullAddress: string; searchText: string; place: Place };
type Attributes = Omit<CreateHouseRequest, 'addressId'>;

export interface HousesImportDeps {
  /** Resolves an area code to the place new addresses are filed under (throws a 400 for an unknown code). */
  placeOfArea(code: string): Promise<Place>;
  transaction<T>(fn: (tx: Transaction<DB>) => Promise<T>): Promise<T>;
  ensurePath(
    actor: Actor,
    path: { level: AddressLevel; name: string }[],
    opts: { place: Place; tx: Transaction<DB> },
  ): Promise<Room>;
  upsertOnRooms(
    actor: Actor,
    items: { room: Room; attributes: Attributes }[],
    tx: Transaction<DB>,
  ): Promise<{ created: number; updated: number; unchanged: number }>;
}

interface Row {
  gridCode: string;
  path: { level: AddressLevel; name: string }[];
  attributes: Attributes;
}

const use = choice(HOUSE_USE_LABELS, {
  自有: 'self_occupied',
  出租房: 'rented',
  闲置: 'vacant',
  商铺: 'commercial',
});
const ownership = choice(HOUSE_OWNERSHIP_LABELS, {
  私有: 'private',
  商品房: 'private',
  公有: 'public',
});
const rentPurpose = choice(RENT_PURPOSE_LABELS, { 住宅: 'residential', 商用: 'business' });

const PATH_COLUMNS: [string, AddressLevel][] = [
  ['lane', 'street_lane'],
  ['door', 'door_plate'],
  ['compound', 'compound'],
  ['building', 'building'],
  ['entrance', 'entrance'],
  ['floor', 'floor'],
  ['room', 'room'],
];
const FIELD_COLUMN: Record<string, string> = { rental: 'rentPurpose' };

/** 实有房屋 import: the 标准地址 path of each 户室 is found or made, and its house created or brought up to date. */
export function housesImportSpec(deps: HousesImportDeps): ImportSpec<Row> {
  return {
    kind: 'houses',
    title: '实有房屋',
    keyColumn: 'room',
    columns: [
      {
        key: 'gridCode',
        header: '所在网格编码',
        required: true,
        note: '新建地址归入的网格（或社区）编码',
        example: '41019900100101',
      },
      { key: 'lane', header: '街路巷', required: true, example: '金水路' },
      { key: 'door', header: '门牌号', required: true, example: '12号' },
      { key: 'compound', header: '小区/院落', example: '阳光小区' },
      { key: 'building', header: '楼栋', example: '3号楼' },
      { key: 'entrance', header: '单元', example: '2单元' },
      { key: 'floor', header: '楼层', example: '5层' },
      { key: 'room', header: '户室', required: true, example: '502室' },
      {
        key: 'use',
        header: '房屋用途',
        required: true,
        note: '自住、出租、空置、商用、混合、其他',
        example: '出租',
      },
      {
        key: 'ownership',
        header: '产权类型',
        note: '私产（默认）、公房、单位产、其他',
        example: '私产',
      },
      { key: 'areaM2', header: '建筑面积', note: '平方米', example: '89.5' },
      { key: 'certificateNo', header: '产权证号', example: '' },
      { key: 'landlordName', header: '房主姓名', example: '李四' },
      { key: 'landlordPhone', sensitive: 'phone', header: '房主电话', example: '13900001111' },
      { key: 'rentPurpose', header: '租赁用途', note: '出租房填写：居住、经营', example: '居住' },
      { key: 'contractStart', header: '租赁开始日期', example: '2026-01-01' },
      { key: 'contractEnd', header: '租赁结束日期', example: '2026-12-31' },
      { key: 'remarks', header: '备注', example: '' },
    ],
    parse(c) {
      const p: CellProblem[] = [];
      const path = PATH_COLUMNS.flatMap(([key, level]) => {
        const name = (c[key] ?? '').normalize('NFKC').trim();
        if (!name) return [];
        if (name.length > 50 || name.includes('|'))
          p.push({ column: key, problem: '名称过长或含有“|”' });
        return [{ level, name }];
      });
      path.forEach((s, i) => {
        const parent = i > 0 ? path[i - 1]!.level : null;
        if (!childLevelsOf(parent).includes(s.level))
          p.push({
            column: PATH_COLUMNS.find(([, l]) => l === s.level)![0],
            problem: `“${s.name}”不能直接位于${parent ? ADDRESS_LEVEL_LABELS[parent].zh : '最上级'}之下`,
          });
      });
      if (!/^\d{12}(\d{2,3})?$/.test(c.gridCode ?? ''))
        p.push({ column: 'gridCode', problem: '应为社区（12 位）或网格（14/15 位）编码' });
      const area = c.areaM2 ? Number(c.areaM2) : null;
      if (c.areaM2 && !Number.isFinite(area)) p.push({ column: 'areaM2', problem: '应为数字' });
      const purpose = rentPurpose(c.rentPurpose ?? '', 'rentPurpose', p);
      const start = dateCell(c.contractStart ?? '', 'contractStart', p);
      const end = dateCell(c.contractEnd ?? '', 'contractEnd', p);
      const candidate = {
        addressId: 'pending',
        use: use(c.use ?? '', 'use', p),
        ownership: ownership(c.ownership ?? '', 'ownership', p) ?? 'private',
        areaM2: area,
        certificateNo: orNull(c.certificateNo ?? ''),
        landlordName: orNull(c.landlordName ?? ''),
        landlordPhone: orNull(c.landlordPhone ?? ''),
        rental: purpose
          ? { purpose, contractStart: start ?? null, contractEnd: end ?? null }
          : null,
        remarks: orNull(c.remarks ?? ''),
      };
      const house = validateWith(
        CreateHouseRequestSchema,
        candidate,
        p,
        (path) => FIELD_COLUMN[String(path[0])] ?? String(path[0] ?? 'use'),
      );
      if (!house) return { problems: p };
      const { addressId: _pending, ...attributes } = house;
      return { row: { gridCode: c.gridCode!, path, attributes } };
    },
    key: (r) => r.path.map((s) => s.name).join('|'),
    async check(actor, rows) {
      const problems: { index: number; column: string; problem: string }[] = [];
      const places = new Map<string, Place | string>();
      for (const code of new Set(rows.map((r) => r.gridCode))) {
        try {
          const place = await deps.placeOfArea(code);
          places.set(
            code,
            inScope(actor.scope, place.grid ?? place.community ?? place.street ?? place.admin)
              ? place
              : '该网格不在您的管辖范围内',
          );
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          places.set(code, `网格编码 ${code} 不存在`);
        }
      }
      rows.forEach((r, index) => {
        const place = places.get(r.gridCode);
        if (typeof place === 'string') problems.push({ index, column: 'gridCode', problem: place });
        else if (place && (!place.community || !place.street))
          problems.push({ index, column: 'gridCode', problem: '请填写社区或网格编码' });
      });
      return problems;
    },
    async commit(actor, rows) {
      const places = new Map<string, Place>();
      for (const code of new Set(rows.map((r) => r.gridCode)))
        places.set(code, await deps.placeOfArea(code));
      return deps.transaction(async (tx) => {
        const items: { room: Room; attributes: Attributes }[] = [];
        for (const r of rows)
          items.push({
            room: await deps.ensurePath(actor, r.path, { place: places.get(r.gridCode)!, tx }),
            attributes: r.attributes,
          });
        return deps.upsertOnRooms(actor, items, tx);
      });
    },
  };
}
