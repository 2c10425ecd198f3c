import type { z } from 'zod';
import type { CellProblem } from '../import-spec';

type Labels<T extends string> = Record<T, { zh: string; en: string }>;

/**
 * Reads a closed-list cell the way people fill it in: the Chinese label (户籍人口), the label without a common suffix
 * (户籍), the English label or the identifier. Unknown text is a problem naming the accepted values.
 */
export function choice<T extends string>(
  labels: Labels<T>,
  extra: Record<string, NoInfer<T>> = {},
) {
  const byText = new Map<string, T>();
  for (const [value, l] of Object.entries(labels) as [T, { zh: string; en: string }][]) {
    for (const text of [value, l.zh, l.en]) byText.set(text.toLowerCase(), value);
    const short = l.zh.replace(/(人口|人员)$/, '');
    if (short !== l.zh) byText.set(short, value);
  }
  for (const [text, value] of Object.entries(extra)) byText.set(text.toLowerCase(), value);
  const accepted = (Object.values(labels) as { zh: string }[]).map((l) => l.zh).join('、');
  return (text: string, column: string, problems: CellProblem[]): T | undefined => {
    if (text === '') return undefined;
    const v = byText.get(text.toLowerCase());
    if (v === undefined) problems.push({ column, problem: `无法识别“${text}”，可填：${accepted}` });
    return v;
  };
}

/** Excel dates arrive as YYYY-MM-DD from the reader; people also type 2024/3/5 or 2024.3.5 or 20240305. */
export function dateCell(
  text: string,
  column: string,
  problems: CellProblem[],
): string | undefined {
  if (text === '') return undefined;
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(text);
  if (!m) {
    problems.push({ column, problem: '日期格式应为 YYYY-MM-DD' });
    return undefined;
  }
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** Runs the request schema over a candidate row and files every issue under the column of its first path element. */
export function validateWith<T>(
  schema: z.ZodType<T>,
  candidate: unknown,
  problems: CellProblem[],
  columnOf: (path: PropertyKey[]) => string,
): T | undefined {
  const r = schema.safeParse(candidate);
  if (r.success) return problems.length ? undefined : r.data;
  // A cell already reported (an unknown choice) is not reported again by the schema.
  const reported = new Set(problems.map((p) => p.column));
  for (const issue of r.error.issues) {
    const column = columnOf(issue.path);
    if (!reported.has(column)) problems.push({ column, problem: issue.message });
    reported.add(column);
  }
  return undefined;
}

export const orNull = (text: string): string | null => (text === '' ? null : text);
