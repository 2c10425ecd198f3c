import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SheetImportReport } from '@wangge/shared';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, errorCode, seedCity, userSession, type Session } from '../../../test/factories';
import type { ImportSpec } from './import-spec';
import { readXlsx, uploadSheet, xlsxOf } from './imports.test-util';
import { expectRefusal } from '../../../test/refusal';

// The pipeline on its own, with a small spec standing in for a registry: what every registry import shares
// (headers, cell problems, duplicates, all-or-nothing, reports). Each registry tests its own rules with its real spec.
interface Row {
  name: string;
  code: string;
}
const committed: Row[][] = [];
const spec: ImportSpec<Row> = {
  kind: 'units',
  title: '测试',
  columns: [
    { key: 'name', header: '名称', required: true },
    { key: 'code', header: '编号', required: true, note: '4 位数字' },
    { key: 'memo', header: '备注（可选）' },
  ],
  keyColumn: 'code',
  parse: (c) => {
    const problems = [];
    if (!c.name) problems.push({ column: 'name', problem: '必填' });
    if (!/^\d{4}$/.test(c.code ?? ''))
      problems.push({ column: 'code', problem: '编号应为 4 位数字' });
    return problems.length ? { problems } : { row: { name: c.name!, code: c.code! } };
  },
  key: (r) => r.code,
  check: async (_actor, rows) =>
    rows.flatMap((r, index) =>
      r.code === '9999' ? [{ index, column: 'code', problem: '该编号已在其他辖区登记' }] : [],
    ),
  commit: async (_actor, rows) => {
    committed.push(rows);
    return { created: rows.length, updated: 0, unchanged: 0 };
  },
};

let t: TestApp;
let importer: Session;
let other: Session;
let reader: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedCity(t);
  t.services.importSpecs.units = spec;
  importer = await userSession(t, {
    username: 'imp',
    roles: ['grid_administrator'],
    areaCodes: [CITY.communityW],
  });
  other = await userSession(t, {
    username: 'imp2',
    roles: ['grid_administrator'],
    areaCodes: [CITY.communityE],
  });
  reader = await userSession(t, {
    username: 'obs',
    roles: ['observer'],
    areaCodes: [CITY.district],
  });
});
afterAll(async () => t.close());

const report = (res: { json(): unknown }) => res.json() as SheetImportReport;

describe('spreadsheet import pipeline', () => {
  it('serves a template with Chinese headers, required marks and a 填写说明 sheet', async () => {
    const res = await importer.get('/api/imports/templates/units');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const x = await readXlsx(res.rawPayload);
    expect(x.sheets).toEqual(['测试', '填写说明']);
    expect(x.rows[0]).toEqual(['名称*', '编号*', '备注（可选）']);
    // The template itself imports cleanly (header only → no rows, no problems).
    expect(
      report(await uploadSheet(t, importer, 'units', res.rawPayload, 'dry-run')),
    ).toMatchObject({ rows: 0, problemCount: 0, committed: false });
  });

  it('reports every problem of a mixed file row by row and writes nothing, even on commit', async () => {
    const file = await xlsxOf(
      ['名称', '编号', '备注（可选）'],
      [
        ['甲', '0001', ''],
        ['', '12', ''],
        ['丙', '0003', ''],
        ['丁', '0001', '重复'],
        ['戊', '9999', ''],
        ['己', { formula: 'A1&"x"', result: '甲x' }, ''],
        ['<script>alert(1)</script>', '0007', ''],
        [],
      ],
    );
    const dry = report(await uploadSheet(t, importer, 'units', file, 'dry-run'));
    expect(dry).toMatchObject({
      rows: 7,
      validRows: 3,
      invalidRows: 4,
      committed: false,
      created: 0,
    });
    expect(dry.problems.map((p) => [p.row, p.column, p.problem])).toEqual([
      [3, '名称', '必填'],
      [3, '编号', '编号应为 4 位数字'],
      [5, '编号', '与第 2 行重复'],
      [6, '编号', '该编号已在其他辖区登记'],
      [7, '编号', '不接受公式，请复制后“粘贴为数值”'],
    ]);
    const commit = report(await uploadSheet(t, importer, 'units', file, 'commit'));
    expect(commit).toMatchObject({ committed: false, created: 0, problemCount: 5 });
    expect(committed).toHaveLength(0);

    // The report downloads as xlsx, and its values are text (a formula in the input stays text in the report).
    const x = await readXlsx((await importer.get(`/api/imports/${dry.id}/report.xlsx`)).rawPayload);
    expect(x.rows[0]).toEqual(['行号', '列', '值', '问题']);
    expect(x.rows).toHaveLength(6);
    expect((await importer.get(`/api/imports/${dry.id}`)).json()).toMatchObject({
      id: dry.id,
      problemCount: 5,
    });
  });

  it('commits a clean file all at once, audits it, and keeps names with markup as plain text', async () => {
    const file = await xlsxOf(
      ['名称*', '编号*'],
      [
        ['<b>甲</b>', '0001'],
        ['乙', '0002'],
      ],
    );
    const res = report(await uploadSheet(t, importer, 'units', file, 'commit'));
    expect(res).toMatchObject({ committed: true, created: 2, rows: 2 });
    expect(committed.at(-1)).toEqual([
      { name: '<b>甲</b>', code: '0001' },
      { name: '乙', code: '0002' },
    ]);
    const audit = await t.services.audit.list({ action: 'registry_imported', limit: 5 });
    expect(audit[0]).toMatchObject({ action: 'registry_imported', targetType: 'units' });
    // Jobs belong to whoever ran them.
    expectRefusal(await other.get(`/api/imports/${res.id}`), { status: 404, code: 'not_found' });
    expect(
      ((await importer.get('/api/imports')).json() as { items: unknown[] }).items.length,
    ).toBeGreaterThan(0);
  });

  it('refuses wrong headers, malformed files and empty files as a whole', async () => {
    const shifted = await xlsxOf(['姓名', '编号'], [['甲', '0001']]);
    const res = await uploadSheet(t, importer, 'units', shifted, 'dry-run');
    expectRefusal(res, { status: 422, code: 'invalid_file', field: 'file' });
    expect(res.json().error.message).toContain('缺少必填列：名称');
    expect(res.json().error.message).toContain('无法识别的列：姓名');
    const twice = await uploadSheet(
      t,
      importer,
      'units',
      await xlsxOf(['名称', '编号', '编号'], []),
      'dry-run',
    );
    expect(twice.json().error.message).toContain('重复的列');
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    expect(errorCode(await uploadSheet(t, importer, 'units', broken, 'dry-run'))).toBe(
      'invalid_file',
    );
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(errorCode(await uploadSheet(t, importer, 'units', xls, 'dry-run'))).toBe('invalid_file');
    const empty = await uploadSheet(
      t,
      importer,
      'units',
      Buffer.alloc(0),
      'dry-run',
      'application/octet-stream',
    );
    expect([empty.statusCode, errorCode(empty)]).toEqual([422, 'invalid_file']);
    expect(committed.length).toBe(1);
  });

  it('refuses a file over the size limit with 413 before reading it', async () => {
    const res = await uploadSheet(
      t,
      importer,
      'units',
      Buffer.alloc(31 * 1024 * 1024, 0x41),
      'dry-run',
      'text/csv',
    );
    expectRefusal(res, { status: 413, code: 'payload_too_large' });
  });

  it('reads CSV in UTF-8 with BOM and in GB18030, with quoted fields; a leading = is a formula', async () => {
    const csv = '\ufeff名称,编号\n"甲,乙",0001\n丙,=1+1\n';
    const r1 = report(
      await uploadSheet(t, importer, 'units', Buffer.from(csv, 'utf8'), 'dry-run', 'text/csv'),
    );
    expect(r1).toMatchObject({ rows: 2, validRows: 1 });
    expect(r1.problems[0]).toMatchObject({ row: 3, column: '编号' });
    // "名称,编号\n甲,0001\n" as Excel on Chinese Windows saves it.
    const gb18030 = Buffer.from('c3fbb3c62cb1e0bac50abcd72c303030310a', 'hex');
    expect(
      report(await uploadSheet(t, importer, 'units', gb18030, 'dry-run', 'text/csv')),
    ).toMatchObject({ rows: 1, validRows: 1, problemCount: 0 });
  });

  it('needs the import permission and a known kind', async () => {
    const file = await xlsxOf(['名称', '编号'], [['甲', '0001']]);
    expectRefusal(await uploadSheet(t, reader, 'units', file, 'dry-run'), {
      status: 403,
      code: 'forbidden',
    });
    expectRefusal(await uploadSheet(t, importer, 'planets', file, 'dry-run'), {
      status: 400,
      code: 'validation_failed',
      field: 'params.kind',
    });
    expectRefusal(await importer.get('/api/imports/templates/planets'), {
      status: 400,
      code: 'validation_failed',
      field: 'params.kind',
    });
  });
});

describe('zip bombs', () => {
  it('reads the declared uncompressed size of a workbook before inflating it', async () => {
    const { unzippedSize } = await import('./sheet-reader');
    const file = await xlsxOf(['名称', '编号'], [['甲', '0001']]);
    const size = await unzippedSize(file);
    expect(size).toBeGreaterThan(file.length);
    expect(size).toBeLessThan(100_000);
    // Declaring 4 GB for one entry makes the file too big to open, whatever it really holds.
    const bomb = Buffer.from(file);
    const eocd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bomb.writeUInt32LE(0xffffffff, bomb.readUInt32LE(eocd + 16) + 24);
    expect(await unzippedSize(bomb)).toBeGreaterThan(4e9);
    const res = await uploadSheet(t, importer, 'units', bomb, 'dry-run');
    expect([res.statusCode, errorCode(res)]).toEqual([422, 'invalid_file']);
    expect(res.json().error.message).toContain('解压后超过');
  });
});
