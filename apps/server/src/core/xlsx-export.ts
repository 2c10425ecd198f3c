import ExcelJS from 'exceljs';
import type { Actor } from './auth/actor';
import { AppError } from './errors';

export interface ExportColumn<Row> {
  header: string;
  key: keyof Row & string;
  width: number;
}

/**
 * The workbook of a registry export. The first row names who exported what and when (S2 exports are watermarked,
 * docs/domain.md §10), repeated in the print header; values are plain strings, never formulas.
 */
export async function watermarkedWorkbook<Row>(
  sheetName: string,
  columns: ExportColumn<Row>[],
  rows: Row[],
  watermark: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = watermark;
  const ws = wb.addWorksheet(sheetName);
  ws.headerFooter.oddHeader = `&L${watermark.replace(/&/g, '&&')}`;
  ws.addRow([watermark]).font = { italic: true, color: { argb: 'FF888888' } };
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  for (const r of rows) ws.addRow(columns.map((c) => (r[c.key] as unknown) ?? ''));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Whether a registry export carries personal data in clear: only for a holder of registry.export who states a reason
 * (recorded in the export's audit entry, as for unmasking one record). Without a reason the same export is masked, so
 * the everyday sheet needs no justification; a reason from someone without the permission is refused (403) rather
 * than quietly answered masked, so nobody believes they hold clear data.
 */
export function exportInClear(actor: Actor, reason: string | undefined): boolean {
  if (reason === undefined) return false;
  if (!actor.permissions.has('registry.export'))
    throw new AppError('forbidden', '无权导出完整个人信息（需 registry.export 权限）', {
      field: 'reason',
    });
  return true;
}
