import ExcelJS from 'exceljs';
import {
  FIGURE_SECTION_LABELS,
  figureColumns,
  type RegistryFiguresQuery,
  type RegistryFiguresReport,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';

/**
 * The figures as a sheet: one row per area of the grouping and a total row, one column per count the viewer may see
 * (the same columns as the page, packages/shared figure-columns.ts). Counts only, so no masking; the first row still
 * names who exported what and when, like every export.
 */
export function createRegistryFiguresExport(deps: {
  clock: Clock;
  report(actor: Actor, q: RegistryFiguresQuery): Promise<RegistryFiguresReport>;
}) {
  return async function exportXlsx(
    actor: Actor,
    q: RegistryFiguresQuery,
  ): Promise<{ buffer: Buffer; filename: string }> {
    const r = await deps.report(actor, q);
    const cols = figureColumns(r.totals.special?.byGroup ?? []).filter(
      (c) => c.value(r.totals) !== null,
    );
    const at = deps.clock.now().toISOString().slice(0, 16).replace('T', ' ');
    const area = r.areaName ?? '全部辖区';
    const watermark = `登记与走访统计 · ${area} · ${r.period.key} · ${actor.displayName}（${actor.username}）· ${at} UTC`;
    const wb = new ExcelJS.Workbook();
    wb.creator = watermark;
    const ws = wb.addWorksheet('登记与走访');
    ws.headerFooter.oddHeader = `&L${watermark.replace(/&/g, '&&')}`;
    ws.addRow([watermark]).font = { italic: true, color: { argb: 'FF888888' } };
    ws.addRow([
      '区域编码',
      '区域',
      ...cols.map((c) => `${FIGURE_SECTION_LABELS[c.section].zh}·${c.label.zh}`),
    ]).font = { bold: true };
    ws.getColumn(1).width = 18;
    ws.getColumn(2).width = 20;
    for (const row of r.rows)
      ws.addRow([
        row.areaCode ?? '',
        row.areaName ?? (row.areaCode ? '' : '未落网格'),
        ...cols.map((c) => c.value(row.figures)),
      ]);
    if (r.groupBy !== 'none')
      ws.addRow(['', '合计', ...cols.map((c) => c.value(r.totals))]).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 2, xSplit: 2 }];
    const filename = `登记与走访统计-${r.areaCode ?? '全部'}-${r.period.key}.xlsx`;
    return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), filename };
  };
}
