import { z } from 'zod';

/** Registries that take a spreadsheet import (issue 4 §8). */
export const IMPORT_KINDS = ['persons', 'houses', 'units'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const ImportKindSchema = z.enum(IMPORT_KINDS);

export const IMPORT_KIND_LABELS: Record<ImportKind, { zh: string; en: string }> = {
  persons: { zh: '实有人口', en: 'Persons' },
  houses: { zh: '实有房屋', en: 'Houses' },
  units: { zh: '实有单位', en: 'Units' },
};

/**
 * Case-configuration tables that load and unload as one workbook each (issue 11 §2): not registries, so they have
 * routes of their own with their own permissions (/api/<table>/sheet), but the same pipeline and report.
 */
export const CONFIG_SHEET_KINDS = [
  'categories',
  'dispatch_rules',
  'registration_conditions',
] as const;
export type ConfigSheetKind = (typeof CONFIG_SHEET_KINDS)[number];
export const CONFIG_SHEET_LABELS: Record<ConfigSheetKind, { zh: string; en: string }> = {
  categories: { zh: '分类字典', en: 'Category dictionary' },
  dispatch_rules: { zh: '派遣矩阵', en: 'Dispatch matrix' },
  registration_conditions: { zh: '立结案标准', en: 'Registration and closure conditions' },
};
/** Every kind a stored import job may have. */
export const AnyImportKindSchema = z.enum([...IMPORT_KINDS, ...CONFIG_SHEET_KINDS]);
export type AnyImportKind = z.infer<typeof AnyImportKindSchema>;

export const IMPORT_CONTENT_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/octet-stream',
] as const;

export const ImportModeSchema = z.enum(['dry-run', 'commit']);
export type ImportMode = z.infer<typeof ImportModeSchema>;

export const ImportQuerySchema = z.object({
  mode: ImportModeSchema.default('dry-run'),
  fileName: z.string().max(200).optional(),
});

export const ImportKindParamSchema = z.object({ kind: ImportKindSchema });

/** The raw file: an .xlsx workbook or a UTF-8 CSV, as the body. */
export const ImportBodySchema = z
  .unknown()
  .meta({ type: 'string', format: 'binary', description: 'The .xlsx workbook or UTF-8 CSV file' });

/** One problem of one cell (row numbers are the spreadsheet's, header = row 1). */
export const SheetImportProblemSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  problem: z.string(),
});
export type SheetImportProblem = z.infer<typeof SheetImportProblemSchema>;

export const SheetImportReportSchema = z.object({
  id: z.string(),
  kind: AnyImportKindSchema,
  mode: ImportModeSchema,
  fileName: z.string().nullable(),
  rows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  /** Up to the first 1,000 problems; the xlsx report has them all (up to 100,000). */
  problems: z.array(SheetImportProblemSchema),
  problemCount: z.number().int(),
  committed: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  seconds: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
});
export type SheetImportReport = z.infer<typeof SheetImportReportSchema>;

export const ImportJobListSchema = z.object({
  items: z.array(SheetImportReportSchema.omit({ problems: true })),
});
