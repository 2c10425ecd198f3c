import { columnIndex, type CellValue, type RawRow } from './xlsx-sheet';

// Merged cells, which exceljs fills in and our reader must too (see xlsx-stream-reader.ts for why it is ours). The
// first pass that finds the ranges is a regex over latin1 chunks rather than saxes: over the 100,000-row bench
// persons sheet it took 0.19–0.27 s against 1.1–1.7 s for a second saxes parse.

/** A merged range: 1-based rows, 0-based columns, inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MERGE_TAG =
  /<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref\s*=\s*["']([A-Za-z]{1,3}\d+)(?::([A-Za-z]{1,3}\d+))?["']/g;

function cell(ref: string): { row: number; col: number } {
  const digits = ref.search(/\d/);
  return { row: Number(ref.slice(digits)), col: columnIndex(ref) };
}

/**
 * Finds the <mergeCell ref="A2:A4"/> elements of a worksheet part. They come after the rows, so the part is read
 * once for them before the rows are: chunks are scanned as latin1 (the tags are ASCII; other bytes cannot form a
 * < or >), keeping only an unfinished tag between chunks.
 */
export function mergeScanner(): { push(chunk: Buffer): void; ranges: MergeRange[] } {
  const ranges: MergeRange[] = [];
  let tail = '';
  return {
    ranges,
    push(chunk) {
      const s = tail + chunk.toString('latin1');
      if (s.includes('mergeCell')) {
        MERGE_TAG.lastIndex = 0;
        for (let m = MERGE_TAG.exec(s); m; m = MERGE_TAG.exec(s)) {
          const a = cell(m[1]!);
          const b = cell(m[2] ?? m[1]!);
          const r = {
            top: Math.min(a.row, b.row),
            left: Math.min(a.col, b.col),
            bottom: Math.max(a.row, b.row),
            right: Math.max(a.col, b.col),
          };
          if (r.top >= 1 && r.left >= 0 && (r.bottom > r.top || r.right > r.left)) ranges.push(r);
        }
      }
      const lt = s.lastIndexOf('<');
      tail = lt >= 0 && s.indexOf('>', lt) < 0 ? s.slice(lt, lt + 4096) : '';
    },
  };
}

/**
 * exceljs gives every cell of a merged range the value of its top-left cell, and creates the rows a range spans
 * even where the sheet has none: so does this, as rows stream past. Ranges are taken in order of their first row
 * and dropped after their last, so a row only looks at the ranges that cover it.
 */
export class MergeFiller {
  private readonly pending: MergeRange[];
  private active: { range: MergeRange; master: CellValue }[] = [];
  private next = 0;
  private last = 0;

  constructor(
    ranges: MergeRange[],
    private readonly maxColumns: number,
  ) {
    this.pending = [...ranges].sort((a, b) => a.top - b.top);
  }

  /** The rows to hand out for `row`: rows only a merge creates before it, then the row with merged cells filled. */
  *fill(row: RawRow | null): Generator<RawRow> {
    if (this.pending.length === 0) {
      if (row) yield row;
      return;
    }
    const upTo = row
      ? row.rowNumber
      : [...this.pending.slice(this.next), ...this.active.map((a) => a.range)].reduce(
          (m, r) => Math.max(m, r.bottom),
          this.last,
        );
    for (let n = this.last + 1; n < upTo; n++) {
      this.admit(n);
      if (this.active.length) yield this.apply({ rowNumber: n, values: [] });
    }
    if (row && row.rowNumber > this.last) {
      this.admit(row.rowNumber);
      yield this.apply(row);
      this.last = row.rowNumber;
    } else if (row) yield row;
    else if (upTo > this.last) {
      this.admit(upTo);
      if (this.active.length) yield this.apply({ rowNumber: upTo, values: [] });
      this.last = upTo;
    }
  }

  private admit(n: number): void {
    this.active = this.active.filter((a) => a.range.bottom >= n);
    while (this.next < this.pending.length && this.pending[this.next]!.top <= n) {
      const range = this.pending[this.next++]!;
      if (range.bottom >= n) this.active.push({ range, master: undefined });
    }
  }

  private apply(row: RawRow): RawRow {
    for (const a of this.active) {
      const { range } = a;
      if (row.rowNumber === range.top) a.master = row.values[range.left];
      if (row.rowNumber < range.top) continue;
      for (let c = range.left; c <= Math.min(range.right, this.maxColumns - 1); c++) {
        if (row.rowNumber === range.top && c === range.left) continue;
        row.values[c] = a.master;
      }
    }
    this.last = Math.max(this.last, row.rowNumber);
    return row;
  }
}
