import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar, idCheckChar, type SheetImportReport } from '@wangge/shared';
import { TEST_DB_KIND, type TestApp } from '../../../test/test-app';
import { CITY, type Session } from '../../../test/factories';
import { readXlsx, uploadSheet, xlsxOf, importsTestCity } from './imports.test-util';

// The three registry imports end to end: template headers, dry run with a row-by-row report, all-or-nothing commit,
// re-import changing nothing, scope, and personal data encrypted at rest.
const id = (first17: string) => first17 + idCheckChar(first17);
const credit = (first17: string) => first17 + creditCodeCheckChar(first17);
const ID1 = id('41010519800101123');
const ID2 = id('41010519900215234');
const ID3 = id('41010520010308345');

let t: TestApp;
let west: Session;
let east: Session;
const report = (res: { json(): unknown }) => res.json() as SheetImportReport;

beforeAll(async () => {
  ({ t, west, east } = await importsTestCity());
});
afterAll(async () => t.close());

const HOUSE_HEADERS = [
  '所在网格编码',
  '街路巷',
  '门牌号',
  '小区/院落',
  '楼栋',
  '单元',
  '楼层',
  '户室',
  '房屋用途',
  '房主姓名',
  '房主电话',
  '租赁用途',
];

describe('实有房屋 import', () => {
  it('creates the address paths and houses, then changes nothing on re-import', async () => {
    const file = await xlsxOf(HOUSE_HEADERS, [
      [
        CITY.gridA,
        '文化路',
        '12号',
        '阳光小区',
        '3号楼',
        '1单元',
        '5层',
        '501室',
        '出租',
        '李四',
        '13900001111',
        '居住',
      ],
      [
        CITY.gridA,
        '文化路',
        '12号',
        '阳光小区',
        '3号楼',
        '1单元',
        '5层',
        '502室',
        '自住',
        '',
        '',
        '',
      ],
      [CITY.gridB, '文化路', '14号', '', '1号楼', '2单元', '', '201室', '空置', '', '', ''],
    ]);
    const first = report(await uploadSheet(t, west, 'houses', file, 'commit'));
    expect(first).toMatchObject({ committed: true, created: 3, updated: 0, problemCount: 0 });
    const again = report(await uploadSheet(t, west, 'houses', file, 'commit'));
    expect(again).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 3 });
    const list = (await west.get('/api/houses?q=阳光小区')).json() as {
      items: { fullAddress: string; landlordPhone: string | null }[];
      total: number;
    };
    expect(list.total).toBe(2);
    expect(list.items.map((h) => h.landlordPhone)).toContain('139****1111');
  });

  it('reports grids out of scope, unknown grids, broken paths and bad values, and writes none of the file', async () => {
    const file = await xlsxOf(HOUSE_HEADERS, [
      [CITY.gridA, '文化路', '16号', '', '1号楼', '1单元', '', '101室', '自住', '', '', ''],
      [CITY.gridC, '文化路', '18号', '', '1号楼', '1单元', '', '101室', '自住', '', '', ''],
      ['41010100100199', '文化路', '20号', '', '1号楼', '1单元', '', '101室', '自住', '', '', ''],
      [CITY.gridA, '文化路', '22号', '', '', '1单元', '', '101室', '自住', '', '', ''],
      [CITY.gridA, '文化路', '24号', '', '1号楼', '1单元', '', '101室', '别墅', '', '', ''],
    ]);
    const r = report(await uploadSheet(t, west, 'houses', file, 'commit'));
    expect(r.committed).toBe(false);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [3, '所在网格编码'],
      [4, '所在网格编码'],
      [5, '单元'],
      [6, '房屋用途'],
    ]);
    expect(r.problems[0]!.problem).toContain('不在您的管辖范围');
    expect(((await west.get('/api/houses?q=16号')).json() as { total: number }).total).toBe(0);
  });
});

const PERSON_HEADERS = [
  '姓名',
  '证件号码',
  '人口类型',
  '联系电话',
  '所在网格编码',
  '现住房屋地址',
  '与户主关系',
];

describe('实有人口 import', () => {
  it('reports every problem of a mixed file, imports nothing until it is clean, then finds the people by name', async () => {
    const bad = await xlsxOf(PERSON_HEADERS, [
      ['张三', ID1, '户籍人口', '13800001111', '', '文化路12号阳光小区3号楼1单元5层501室', '本人'],
      [
        '李四',
        id('41010519800101999').slice(0, 17) +
          (idCheckChar('41010519800101999') === '0' ? '1' : '0'),
        '户籍',
        '',
        CITY.gridA,
        '',
        '',
      ],
      ['王五', id('41010519800230123'), '户籍', '', CITY.gridA, '', ''],
      ['赵六', ID1, '户籍', '', CITY.gridA, '', ''],
      ['<script>alert(1)</script>', ID2, '流动', '', CITY.gridA, '', ''],
      ['钱七', { formula: 'A1', result: '张三' }, '户籍', '', CITY.gridA, '', ''],
      ['孙八', ID3, '户籍', '', CITY.gridC, '', ''],
      ['周九', id('41010519700101456'), '户籍', '', '', '文化路99号1号楼1单元101室', ''],
    ]);
    const dry = report(await uploadSheet(t, west, 'persons', bad, 'dry-run'));
    expect(dry).toMatchObject({ rows: 8, committed: false });
    const byRow = Object.fromEntries(dry.problems.map((p) => [p.row, p]));
    expect(byRow[3]).toMatchObject({ column: '证件号码' });
    expect(byRow[3]!.problem).toContain('校验位');
    expect(byRow[4]!.problem).toContain('出生日期');
    expect(byRow[5]!.problem).toContain('第 2 行重复');
    expect(byRow[7]!.problem).toContain('公式');
    expect(byRow[8]).toMatchObject({ column: '所在网格编码' });
    expect(byRow[9]).toMatchObject({ column: '现住房屋地址' });
    expect(byRow[6]).toBeUndefined(); // markup in a name is text, not an error
    expect(report(await uploadSheet(t, west, 'persons', bad, 'commit')).committed).toBe(false);
    expect(((await west.get('/api/persons?name=张')).json() as { total: number }).total).toBe(0);

    const good = await xlsxOf(PERSON_HEADERS, [
      ['张三', ID1, '户籍人口', '13800001111', '', '文化路12号阳光小区3号楼1单元5层501室', '本人'],
      ['<script>alert(1)</script>', ID2, '流动', '', CITY.gridA, '', ''],
      ['王小五', id('41010519851111567').toLowerCase(), '户籍', '', CITY.gridB, '', ''],
    ]);
    expect(report(await uploadSheet(t, west, 'persons', good, 'commit'))).toMatchObject({
      committed: true,
      created: 3,
    });
    expect(report(await uploadSheet(t, west, 'persons', good, 'commit'))).toMatchObject({
      committed: true,
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    const found = (await west.get(`/api/persons?name=${encodeURIComponent('张')}`)).json() as {
      items: { id: string; name: string; idNumber: string }[];
    };
    expect(found.items).toHaveLength(1);
    expect(found.items[0]!.idNumber).toBe(`${ID1.slice(0, 6)}************`);
    const detail = (await west.get(`/api/persons/${found.items[0]!.id}`)).json() as {
      name: string;
      houseId: string | null;
    };
    expect(detail.name).toBe('张三');
    expect(detail.houseId).not.toBeNull();
    const script = (
      await west.get(`/api/persons?name=${encodeURIComponent('<script>')}`)
    ).json() as { total: number };
    expect(script.total).toBe(1);
  });

  it('refuses a person registered in another area without saying where', async () => {
    const file = await xlsxOf(PERSON_HEADERS, [['张三', ID1, '户籍', '', CITY.gridC, '', '']]);
    const r = report(await uploadSheet(t, east, 'persons', file, 'dry-run'));
    expect(r.problems).toHaveLength(1);
    // Only that it clashes: not who, not where, not even that it is registered "in another area".
    expect(r.problems[0]!.problem).toBe('与已有记录冲突，请联系区级管理员');
  });

  it('keeps ID numbers and phones out of the database in clear', async () => {
    const rows = await t.services.db.selectFrom('persons').selectAll().execute();
    const dump = JSON.stringify(rows);
    for (const secret of [ID1, ID2, '13800001111']) expect(dump).not.toContain(secret);
    if (TEST_DB_KIND === 'sqlite' && t.config.database.kind === 'sqlite') {
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(t.services.db);
      const bytes = readFileSync(t.config.database.file).toString('latin1');
      for (const secret of [ID1, ID2, '13800001111']) expect(bytes).not.toContain(secret);
    }
  });
});

const UNIT_HEADERS = [
  '单位名称',
  '统一社会信用代码',
  '单位类型',
  '重点标签',
  '地址',
  '经度',
  '纬度',
  '法定代表人电话',
];

describe('实有单位 import', () => {
  it('checks credit codes and locations, commits all rows, and is idempotent', async () => {
    const good = credit('91410101MA12345AB');
    const wrong = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const bad = await xlsxOf(UNIT_HEADERS, [
      [
        '文化路餐饮有限公司',
        good,
        '企业',
        '消防安全重点、治安重点',
        '文化路12号',
        CITY.inA[0],
        CITY.inA[1],
        '13700001111',
      ],
      ['错码公司', wrong, '企业', '', '文化路14号', CITY.inA[0], CITY.inA[1], ''],
      [
        '东边公司',
        credit('91410101MA54321CD'),
        '企业',
        '',
        '东大街1号',
        CITY.inC[0],
        CITY.inC[1],
        '',
      ],
      [
        '无名标签',
        credit('91410101MA99999EF'),
        '企业',
        '重点中的重点',
        '文化路16号',
        CITY.inA[0],
        CITY.inA[1],
        '',
      ],
    ]);
    const r = report(await uploadSheet(t, west, 'units', bad, 'dry-run'));
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [3, '统一社会信用代码'],
      [4, '经度'],
      [5, '重点标签'],
    ]);
    const ok = await xlsxOf(UNIT_HEADERS, [
      [
        '文化路餐饮有限公司',
        good,
        '企业',
        '消防安全重点、治安重点',
        '文化路12号',
        CITY.inA[0],
        CITY.inA[1],
        '13700001111',
      ],
    ]);
    expect(report(await uploadSheet(t, west, 'units', ok, 'commit'))).toMatchObject({
      committed: true,
      created: 1,
    });
    expect(report(await uploadSheet(t, west, 'units', ok, 'commit'))).toMatchObject({
      committed: true,
      created: 0,
      unchanged: 1,
    });
    const raw = await t.services.db.selectFrom('units').selectAll().execute();
    expect(JSON.stringify(raw)).not.toContain('13700001111');
  });

  it('serves the three templates with their Chinese headers', async () => {
    for (const [kind, header] of [
      ['persons', '证件号码*'],
      ['houses', '户室*'],
      ['units', '单位名称*'],
    ] as const) {
      const res = await west.get(`/api/imports/templates/${kind}`);
      expect(res.statusCode).toBe(200);
      expect((await readXlsx(res.rawPayload)).rows[0]).toContain(header);
    }
  });
});
