import ExcelJS from 'exceljs';
import {
  INDICATORS,
  INDICATOR_IDS,
  NO_VALUE,
  formatRate,
  indicatorsFor,
  round,
  type IndicatorFigures,
  type IndicatorId,
  type IndicatorQuery,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';

/** A cell as the dashboard shows the figure: a rate as a percentage, hours to one decimal, a count as is, null "—". */
export function indicatorCell(id: IndicatorId, value: number | null | undefined): string | number {
  if (value === null || value === undefined) return NO_VALUE;
  const unit = INDICATORS[id].unit;
  if (unit === 'rate') return formatRate(value, 1);
  if (unit === 'hours') return round(value, 1);
  return value;
}

const GROUP_LABEL: Record<IndicatorQuery['groupBy'], string> = {
  none: '对象',
  street: '街道',
  community: '社区',
  grid: '网格',
  department: '部门',
  person: '人员',
};

/**
 * The figures of GET /api/indicators as a sheet (the dashboard's chart downloads): one row per group, one column per
 * indicator (INDICATORS zh), then 综合指标值, 等级 and 排名. Aggregates only — no person's data beyond the names the
 * JSON already carries — so, like the registry figures' sheet, it is not audited; the first row still names who
 * exported what and when. Values are plain strings or numbers, never formulas.
 */
export async function indicatorFiguresXlsx(
  actor: Actor,
  q: IndicatorQuery,
  figures: IndicatorFigures,
  at: Date,
): Promise<{ buffer: Buffer; filename: string }> {
  const present = new Set(figures.rows.flatMap((r) => Object.keys(r.figures)));
  // The asked ids in the asked order (the chart's), else every indicator the figures carry, in catalogue order.
  const ids = (q.ids ?? INDICATOR_IDS).filter(
    (id) => present.has(id) || (!figures.rows.length && indicatorsFor(q.object).includes(id)),
  );
  const what = q.areaCode ?? q.departmentId ?? q.userId ?? q.position ?? '全部辖区';
  const stamp = at.toISOString().slice(0, 16).replace('T', ' ');
  const watermark = `监督考核指标 · ${what} · ${figures.period.key} · ${actor.displayName}（${actor.username}）· ${stamp} UTC`;
  const wb = new ExcelJS.Workbook();
  wb.creator = watermark;
  const ws = wb.addWorksheet('指标');
  ws.headerFooter.oddHeader = `&L${watermark.replace(/&/g, '&&')}`;
  ws.addRow([watermark]).font = { italic: true, color: { argb: 'FF888888' } };
  ws.addRow([
    '编码',
    GROUP_LABEL[q.groupBy],
    ...ids.map((id) => INDICATORS[id].zh),
    '综合指标值',
    '等级',
    '排名',
  ]).font = { bold: true };
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 20;
  for (const row of figures.rows)
    ws.addRow([
      row.key ?? '',
      row.name ?? '',
      ...ids.map((id) => indicatorCell(id, row.figures[id]?.value)),
      row.score?.value === null || row.score?.value === undefined
        ? NO_VALUE
        : round(row.score.value, 2),
      row.score?.grade ?? NO_VALUE,
      row.rank ?? NO_VALUE,
    ]);
  ws.views = [{ state: 'frozen', ySplit: 2, xSplit: 2 }];
  const filename = `监督考核指标-${what}-${figures.period.key}.xlsx`;
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), filename };
}
