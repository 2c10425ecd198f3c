import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar, maskIdNumber, type SheetImportReport } from '@wangge/shared';
import type { TestApp } from '../../../test/test-app';
import { CITY, type Session } from '../../../test/factories';
import { sheetRows, uploadSheet, xlsxOf, importsTestCity } from './imports.test-util';

// The report's 值 column names the offending value for every problem, also those found against the database (scope,
// addresses, clashes) — it used to be empty for those — and personal values stay masked there (issue 11 #8).
const id = (first17: string) => first17 + idCheckChar(first17);
const ID1 = id('41010519800101123');
const HEADERS = ['姓名', '证件号码', '人口类型', '所在网格编码', '现住房屋地址'];

let t: TestApp;
let west: Session;
let east: Session;
const report = (res: { json(): unknown }) => res.json() as SheetImportReport;

beforeAll(async () => {
  ({ t, west, east } = await importsTestCity());
});
afterAll(async () => t.close());

describe('import report values', () => {
  it('shows the value of a problem found against the database', async () => {
    const file = await xlsxOf(HEADERS, [
      ['孙八', id('41010520010308345'), '户籍', CITY.gridC, ''],
      ['周九', id('41010519700101456'), '户籍', '', '文化路99号1号楼1单元101室'],
    ]);
    const dry = report(await uploadSheet(t, west, 'persons', file, 'dry-run'));
    expect(dry.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [2, '所在网格编码', CITY.gridC],
      [3, '现住房屋地址', '文化路99号1号楼1单元101室'],
    ]);
    // The downloadable report carries the same values.
    const xlsx = await west.get(`/api/imports/${dry.id}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const cells = (await sheetRows(xlsx.rawPayload)).flat();
    expect(cells).toContain(CITY.gridC);
  });

  it('masks a personal value, also when the clash is found in the database', async () => {
    const ok = await xlsxOf(HEADERS, [['张三', ID1, '户籍', CITY.gridA, '']]);
    expect(report(await uploadSheet(t, west, 'persons', ok, 'commit')).committed).toBe(true);
    const clash = await xlsxOf(HEADERS, [['张三', ID1, '户籍', CITY.gridC, '']]);
    const r = report(await uploadSheet(t, east, 'persons', clash, 'dry-run'));
    const onId = r.problems.find((p) => p.column === '证件号码');
    expect(onId?.value).toBe(maskIdNumber(ID1));
    expect(JSON.stringify(r)).not.toContain(ID1);
  });
});
