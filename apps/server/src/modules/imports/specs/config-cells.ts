import type { CellProblem } from '../import-spec';

// Cell formats shared by the case-configuration workbooks (分类字典, 派遣矩阵, 立结案标准).

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '启用']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '停用']);

/** 是/否 (also yes/no, 1/0); an empty cell is `empty`. */
export function yesNo(
  text: string,
  column: string,
  p: CellProblem[],
  empty: boolean,
): boolean | undefined {
  if (text === '') return empty;
  const t = text.toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  p.push({ column, problem: `应填“是”或“否”，不是“${text}”` });
  return undefined;
}

export const yesNoText = (v: boolean): string => (v ? '是' : '否');

/** A list cell: items separated by 、 , ， ; ； or new lines. */
export const listCell = (text: string): string[] =>
  text
    .split(/[、,，;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function numberCell(
  text: string,
  column: string,
  p: CellProblem[],
  integer = false,
): number | undefined {
  if (text === '') return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    p.push({ column, problem: integer ? `应为整数，不是“${text}”` : `应为数字，不是“${text}”` });
    return undefined;
  }
  return n;
}

export const orNullCell = (text: string | undefined): string | null =>
  text === undefined || text === '' ? null : text;
