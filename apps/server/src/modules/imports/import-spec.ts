import type { AnyImportKind } from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';

/** One column of a template: `header` is what the sheet says (Chinese), `key` what the spec reads. */
export interface ImportColumn {
  key: string;
  header: string;
  required?: boolean;
  /** Shown on the template's 填写说明 sheet. */
  note?: string;
  example?: string;
  /** Personal data: masked in the stored and downloadable report. */
  sensitive?: 'id' | 'phone' | 'birthDate';
}

export interface CellProblem {
  column: string;
  problem: string;
}

export type ParsedRow<Row> =
  | { row: Row; problems?: undefined }
  | { row?: undefined; problems: CellProblem[] };

/**
 * What one registry contributes to the import pipeline. The pipeline reads the sheet, maps headers, parses every row,
 * refuses duplicates inside the file, asks `check` for what needs the database, and only with no problem at all
 * calls `commit` — which must write everything or nothing, and match existing records (re-import changes nothing).
 */
export interface ImportSpec<Row> {
  kind: AnyImportKind;
  title: string;
  columns: ImportColumn[];
  /** Pure and synchronous: cells by column key (trimmed text, '' when empty) → a typed row or its problems. */
  parse(cells: Record<string, string>): ParsedRow<Row>;
  /** The row's identity (ID number, address path, credit code): two rows with one key in a file are refused. */
  key(row: Row): string;
  /** The column a duplicate key is reported on. */
  keyColumn: string;
  /** Checks that need the database (scope, codes that must exist), batched; problems by row index. */
  check(actor: Actor, rows: Row[]): Promise<{ index: number; column: string; problem: string }[]>;
  commit(
    actor: Actor,
    rows: Row[],
  ): Promise<{ created: number; updated: number; unchanged: number }>;
  /**
   * The table as it stands, as cells by column key, for a configuration table's export: written under the same
   * headers, so an exported workbook imports back unchanged.
   */
  exportRows?(actor: Actor): Promise<Record<string, string>[]>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyImportSpec = ImportSpec<any>;
