import ExcelJS from 'exceljs';
import type { SheetImportProblem } from '@wangge/shared';
import type { ImportColumn } from './import-spec';

/** The template: one header row (required columns marked *) formatted as text, and a 填写说明 sheet after it. */
export async function templateWorkbook(title: string, columns: ImportColumn[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(title);
  ws.columns = columns.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: Math.max(12, c.header.length * 2 + 4),
    style: { numFmt: '@' },
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = wb.addWorksheet('填写说明');
  notes.columns = [
    { header: '列', key: 'header', width: 18 },
    { header: '必填', key: 'required', width: 8 },
    { header: '说明', key: 'note', width: 60 },
    { header: '示例', key: 'example', width: 30 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of columns)
    notes.addRow({
      header: c.header,
      required: c.required ? '是' : '',
      note: c.note ?? '',
      example: c.example ?? '',
    });
  notes.addRow({});
  notes.addRow({
    header: '注意',
    note: '请只在第一个工作表填写；所有列按文本填写，不要使用公式；导入前先“预检”，全部通过后才会写入。',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The row-by-row report of a dry run or a refused commit. Values are written as strings, never as formulas. */
export async function problemsWorkbook(problems: SheetImportProblem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('问题清单');
  ws.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 16 },
    { header: '值', key: 'value', width: 30 },
    { header: '问题', key: 'problem', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const p of problems)
    ws.addRow({ row: p.row, column: p.column, value: p.value, problem: p.problem });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
