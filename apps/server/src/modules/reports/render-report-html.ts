import {
  formatChange,
  formatFigure,
  type CountRow,
  type ListedCase,
  type Ranking,
  type ReportFigures,
} from './report-figures';

const LEVEL_NAMES = { district: '区', street: '街道', community: '社区', grid: '网格' } as const;

const esc = (s: string | number) =>
  String(s).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
/** 2026-12-02 09:00 in Shanghai time (UTC+8 all year). */
const beijingTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const monthTitle = (key: string) => `${key.slice(0, 4)}年${Number(key.slice(5))}月`;

function table(head: string[], rows: (string | number)[][], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${esc(empty)}</p>`;
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** Rank, name, the ranking's figures, 综合指标值 and grade; "—" where the engine has no value. */
const ranking = (r: Ranking, what: string) =>
  table(
    ['名次', what, ...r.columns.map((c) => c.label), '综合指标值', '等级'],
    r.rows.map((row) => [
      row.rank ?? '—',
      row.name,
      ...r.columns.map((c) => formatFigure(c.kind, row.values[c.key] ?? null)),
      row.score === null ? '—' : row.score.toFixed(2),
      row.grade ?? '—',
    ]),
    `本月无${what}数据`,
  );
const counts = (rows: CountRow[], what: string) =>
  table(
    ['序号', what, '案件数'],
    rows.map((r, i) => [i + 1, r.name, r.count]),
    '本月无上报案件',
  );
const cases = (rows: ListedCase[], note: string, empty: string) =>
  table(
    ['案件编号', '类别', '网格', '处置部门', note],
    rows.map((r) => [r.caseNo, r.category, r.place, r.department, r.note]),
    empty,
  );

/**
 * The report as one self-contained HTML page in Chinese (no scripts, no external resources), laid out for A4 so the
 * same page is read on screen and printed to PDF. Each headline figure carries `data-key` and `data-value` so a test
 * can read it back.
 */
export function renderReportHtml(f: ReportFigures): string {
  const title = `${f.area.name}${monthTitle(f.period.key)}网格化社会治理工作月度报告`;
  const headline = f.headline
    .map(
      (h) => `<tr data-key="${esc(h.key)}" data-value="${h.value ?? ''}">
<th>${esc(h.label)}</th><td class="figure">${esc(formatFigure(h.kind, h.value))}</td>
<td>${esc(formatFigure(h.kind, h.previous))}</td><td>${esc(formatChange(h.kind, h.value, h.previous))}</td>
<td>${esc(formatFigure(h.kind, h.lastYear))}</td><td>${esc(formatChange(h.kind, h.value, h.lastYear))}</td></tr>`,
    )
    .join('');
  const sub = LEVEL_NAMES[f.subareas.level];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>${esc(title)}</title>
<style>
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;
  color: #1f1f1f; font-size: 10.5pt; line-height: 1.5; max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 4pt; }
.meta { text-align: center; color: #595959; margin-bottom: 12pt; }
h2 { font-size: 12.5pt; border-left: 4pt solid #1677ff; padding-left: 6pt; margin: 16pt 0 6pt; break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin-bottom: 6pt; break-inside: auto; }
th, td { border: 0.5pt solid #bfbfbf; padding: 3pt 5pt; text-align: left; }
thead th { background: #f0f5ff; }
tr { break-inside: avoid; }
td.figure { font-weight: 600; font-size: 11.5pt; }
.empty, .notes { color: #8c8c8c; }
.notes { font-size: 9pt; margin-top: 16pt; }
</style></head>
<body>
<h1>${esc(title)}</h1>
<p class="meta">${esc(LEVEL_NAMES[f.area.level])}：${esc(f.area.name)}（${esc(f.area.code)}） · 统计期间 ${esc(f.period.startDate)} 至 ${esc(f.period.endDate)}（不含） · 生成于 ${esc(beijingTime(f.generatedAt))}（北京时间）</p>
<h2>一、主要指标</h2>
<p class="score" data-score="${f.score.value ?? ''}">综合指标值：<strong>${esc(f.score.value === null ? '—' : f.score.value.toFixed(2))}</strong>（等级 ${esc(f.score.grade ?? '—')}，默认考核方案）</p>
<table class="headline"><thead><tr><th>指标</th><th>本月</th><th>上月（${esc(f.previousKey)}）</th><th>环比</th><th>去年同月（${esc(f.lastYearKey)}）</th><th>同比</th></tr></thead>
<tbody>${headline}</tbody></table>
<h2>二、专业部门排名（综合指标值）</h2>
${ranking(f.departments, '部门')}
<h2>三、${esc(sub)}排名（综合指标值）</h2>
${ranking(f.subareas, sub)}
<h2>四、高发问题类别</h2>
${counts(f.topCategories, '类别')}
<h2>五、案件高发网格</h2>
${counts(f.hotSpots, '网格')}
<h2>六、超期案件</h2>
${cases(f.overdue, '期限', '月末无超期案件')}
<h2>七、督办案件</h2>
${cases(f.supervised, '督办', '本月无督办案件')}
<h2>八、走访关怀工作</h2>
${table(
  ['项目', '数量'],
  f.care.map((c) => [c.label, c.value]),
  '无走访任务',
)}
<div class="notes">${f.notes.map((n) => `<p>注：${esc(n)}</p>`).join('')}</div>
</body></html>
`;
}
