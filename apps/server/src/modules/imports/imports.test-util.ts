import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { CITY, seedCity, userSession, type Session } from '../../../test/factories';

/**
 * The registry imports' test city: the seeded areas and one 网格管理员 per community (west, east), so each test can
 * check that an import stays inside its importer's area.
 */
export async function importsTestCity(): Promise<{ t: TestApp; west: Session; east: Session }> {
  const t = await createTestApp();
  await seedCity(t);
  const admin = (username: string, community: string) =>
    userSession(t, { username, roles: ['grid_administrator'], areaCodes: [community] });
  return {
    t,
    west: await admin('west', CITY.communityW),
    east: await admin('east', CITY.communityE),
  };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An .xlsx file with one sheet: a header row, then rows (a cell may be a raw exceljs value, e.g. { formula }). */
export async function xlsxOf(headers: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r as ExcelJS.CellValue[]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readXlsx(buf: Buffer): Promise<{ sheets: string[]; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheets: wb.worksheets.map((w) => w.name), rows };
}

/** The first sheet's rows as text, empty cells as '' (for scanning an export for values it must not hold). */
export async function sheetRows(buf: Buffer): Promise<string[][]> {
  return (await readXlsx(buf)).rows.map((r) => r.map((v) => String(v ?? '')));
}

export function uploadSheet(
  t: TestApp,
  s: Session,
  kind: string,
  body: Buffer,
  mode: 'dry-run' | 'commit',
  type = XLSX_TYPE,
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/imports/${kind}?mode=${mode}&fileName=test.xlsx`,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': type },
    payload: body,
  });
}
