import type { Kysely } from 'kysely';
import {
  maskBirthDate,
  maskIdNumber,
  maskPhone,
  type AnyImportKind,
  type ImportMode,
  type SheetImportProblem,
  type SheetImportReport,
} from '@wangge/shared';
import type { Actor } from '../../core/auth/actor';
import type { Clock } from '../../core/clock';
import { sha256 } from '../../core/crypto';
import type { DB } from '../../core/db/database';
import { AppError, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import { watermarkedWorkbook } from '../../core/xlsx-export';
import type { AuditService } from '../audit';
import { isTitleRow, mapHeaders } from './header-map';
import type { AnyImportSpec } from './import-spec';
import { createImportsRepo, type ImportJobRow } from './imports.repo';
import { openSheet, type SheetStream } from './sheet-reader';
import { problemsWorkbook, templateWorkbook } from './sheet-writer';

/** Stored per job (the xlsx report holds them all up to here); the JSON answer carries the first ones. */
const STORED_PROBLEMS = 100_000;
const ANSWERED_PROBLEMS = 1_000;
/** How a sensitive column's value appears in a report: like the masked views (a birth date keeps its year only). */
const MASKS = { id: maskIdNumber, phone: maskPhone, birthDate: maskBirthDate } as const;

export interface ImportsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditService;
  specs: () => Partial<Record<AnyImportKind, AnyImportSpec>>;
}

function present(row: ImportJobRow, problems: SheetImportProblem[]): SheetImportReport {
  return {
    id: row.id,
    kind: row.kind as AnyImportKind,
    mode: row.mode as ImportMode,
    fileName: row.file_name,
    rows: row.rows,
    validRows: row.valid_rows,
    invalidRows: row.invalid_rows,
    problems: problems.slice(0, ANSWERED_PROBLEMS),
    problemCount: row.problem_count,
    committed: row.committed === 1,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    seconds: row.seconds,
    at: row.at,
    actorName: row.actor_name,
  };
}

export function createImportsService(deps: ImportsDeps) {
  const repo = createImportsRepo(deps.db);
  const specOf = (kind: AnyImportKind): AnyImportSpec => {
    const spec = deps.specs()[kind];
    if (!spec) throw notFound('导入类型');
    return spec;
  };
  const owner = (actor: Actor) => ({ actorId: actor.id, all: actor.scope.all });

  /** Reads, maps and validates every row as the sheet streams past (only parsed rows are kept); nothing is written. */
  async function validate(actor: Actor, spec: AnyImportSpec, buf: Buffer) {
    const sheet = await openSheet(buf);
    try {
      return await validateRows(actor, spec, sheet);
    } finally {
      await sheet.close();
    }
  }

  async function validateRows(actor: Actor, spec: AnyImportSpec, sheet: SheetStream) {
    // An exported workbook opens with its watermark line: the header is the row after it.
    const rest = sheet.rows[Symbol.asyncIterator]();
    let headers = sheet.headers;
    if (isTitleRow(headers, spec.columns)) {
      const next = await rest.next();
      if (!next.done) headers = next.value.cells;
    }
    const cols = mapHeaders(headers, spec.columns);
    const headerOf = new Map(spec.columns.map((c) => [c.key, c.header]));
    // Reports are stored and downloaded: personal data in them is masked like everywhere else.
    const maskOf = new Map(
      spec.columns.flatMap((c) => (c.sensitive ? [[c.key, MASKS[c.sensitive]] as const] : [])),
    );
    const problems: SheetImportProblem[] = [];
    const bad = new Set<number>();
    const rows: unknown[] = [];
    const rowNumbers: number[] = [];
    // The cells of each parsed row, so a problem found against the database still shows the value it is about.
    const rowCells: Record<string, string>[] = [];
    const keys = new Map<string, number>();
    const add = (rowNumber: number, column: string, value: string, problem: string) => {
      bad.add(rowNumber);
      problems.push({
        row: rowNumber,
        column: headerOf.get(column) ?? column,
        value: maskOf.get(column)?.(value) ?? value,
        problem,
      });
    };
    let total = 0;
    for await (const r of { [Symbol.asyncIterator]: () => rest }) {
      total++;
      const cells: Record<string, string> = {};
      cols.forEach((c, i) => {
        if (c) cells[c.key] = r.cells[i] ?? '';
      });
      for (const p of r.cellProblems)
        add(r.rowNumber, cols[p.col]?.key ?? String(p.col + 1), p.value, p.problem);
      if (r.cellProblems.length) continue;
      const parsed = spec.parse(cells);
      if (parsed.problems) {
        for (const p of parsed.problems)
          add(r.rowNumber, p.column, cells[p.column] ?? '', p.problem);
        continue;
      }
      const key = spec.key(parsed.row);
      const first = keys.get(key);
      if (first !== undefined) {
        add(r.rowNumber, spec.keyColumn, cells[spec.keyColumn] ?? key, `与第 ${first} 行重复`);
        continue;
      }
      keys.set(key, r.rowNumber);
      rows.push(parsed.row);
      rowNumbers.push(r.rowNumber);
      rowCells.push(cells);
    }
    for (const p of await spec.check(actor, rows)) {
      const rowNumber = rowNumbers[p.index]!;
      add(rowNumber, p.column, rowCells[p.index]?.[p.column] ?? '', p.problem);
    }
    problems.sort((a, b) => a.row - b.row);
    const valid = rows.filter((_, i) => !bad.has(rowNumbers[i]!));
    return { total, valid, problems, invalidRows: bad.size };
  }

  return {
    async template(kind: AnyImportKind): Promise<{ fileName: string; body: Buffer }> {
      const spec = specOf(kind);
      return {
        fileName: `${spec.title}导入模板.xlsx`,
        body: await templateWorkbook(spec.title, spec.columns),
      };
    },

    /**
     * A dry run reports every problem; a commit writes all rows in one transaction, and only when there is no
     * problem at all — a file with one bad row imports nothing. Commit matches existing records, so running the same
     * file twice creates nothing new.
     */
    async run(
      actor: Actor,
      kind: AnyImportKind,
      buf: Buffer,
      opts: { mode: ImportMode; fileName?: string | undefined; ip: string | null },
    ): Promise<SheetImportReport> {
      const spec = specOf(kind);
      const started = performance.now();
      const v = await validate(actor, spec, buf);
      let counts = { created: 0, updated: 0, unchanged: 0 };
      const commit = opts.mode === 'commit' && v.problems.length === 0 && v.valid.length > 0;
      if (commit) {
        const done = await spec.commit(actor, v.valid);
        counts = { created: done.created, updated: done.updated, unchanged: done.unchanged };
      }
      const row: ImportJobRow = {
        id: newId(),
        kind,
        mode: opts.mode,
        file_name: opts.fileName ?? null,
        file_sha256: sha256(buf.toString('base64')),
        actor_id: actor.id,
        actor_name: actor.username,
        rows: v.total,
        valid_rows: v.total - v.invalidRows,
        invalid_rows: v.invalidRows,
        problem_count: v.problems.length,
        problems: JSON.stringify(v.problems.slice(0, STORED_PROBLEMS)),
        committed: commit ? 1 : 0,
        ...counts,
        seconds: Math.round(performance.now() - started) / 1000,
        at: deps.clock.now().toISOString(),
      };
      await repo.insert(row);
      if (commit)
        await deps.audit.record({
          action: 'registry_imported',
          actor,
          targetType: kind,
          targetId: row.id,
          ip: opts.ip,
          detail: { rows: v.total, ...counts, fileName: opts.fileName ?? null },
        });
      return present(row, v.problems);
    },

    /** A configuration table as a watermarked workbook under its import headers (audited: it leaves the system). */
    async exportSheet(
      actor: Actor,
      kind: AnyImportKind,
      ip: string | null,
    ): Promise<{ fileName: string; body: Buffer }> {
      const spec = specOf(kind);
      if (!spec.exportRows) throw notFound('导出类型');
      const rows = await spec.exportRows(actor);
      const at = deps.clock.now().toISOString();
      const watermark = `${spec.title}导出 · ${actor.displayName}（${actor.username}）· ${at}`;
      const columns = spec.columns.map((c) => ({
        header: c.header,
        key: c.key,
        width: Math.max(10, c.header.length * 2 + 4),
      }));
      const body = await watermarkedWorkbook(spec.title, columns, rows, watermark);
      await deps.audit.record({
        action: 'config_exported',
        actor,
        targetType: kind,
        ip,
        detail: { rows: rows.length, summary: `导出${spec.title}（${rows.length} 行）` },
      });
      return { fileName: `${spec.title}-${at.slice(0, 10)}.xlsx`, body };
    },

    async get(actor: Actor, id: string): Promise<SheetImportReport> {
      const row = await repo.find(owner(actor), id);
      if (!row) throw notFound('导入记录');
      return present(row, JSON.parse(row.problems) as SheetImportProblem[]);
    },

    async reportWorkbook(actor: Actor, id: string): Promise<{ fileName: string; body: Buffer }> {
      const row = await repo.find(owner(actor), id);
      if (!row) throw notFound('导入记录');
      if (row.problem_count === 0) throw new AppError('not_found', '该次导入没有问题记录');
      return {
        fileName: `导入问题清单-${row.at.slice(0, 10)}.xlsx`,
        body: await problemsWorkbook(JSON.parse(row.problems) as SheetImportProblem[]),
      };
    },

    async recent(actor: Actor) {
      const rows = await repo.recent(owner(actor), 20);
      return rows.map((r) => {
        const { problems: _omit, ...rest } = present({ ...r, problems: '[]' }, []);
        return rest;
      });
    },
  };
}
export type ImportsService = ReturnType<typeof createImportsService>;
