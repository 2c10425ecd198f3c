import { detach, unescapeX, type XmlHandler } from './xml-scanner';

// Worksheet cells to values as exceljs reads them, from saxes events. Ours rather than exceljs's because exceljs's
// streaming reader damages Chinese text cut by a chunk boundary (measured: see xlsx-stream-reader.ts).

/**
 * A cell's value in the shapes exceljs gives (the reader's cellText turns them into text and problems): text,
 * number, boolean, Date, { formula, result } for any formula cell, { error } for an error cell.
 */
export type CellValue =
  | string
  | number
  | boolean
  | Date
  | { formula: string; result: unknown }
  | { error: string }
  | undefined;

/** One <row> of the sheet: its 1-based number and its values by 0-based column (sparse, like exceljs's row.values). */
export interface RawRow {
  rowNumber: number;
  values: CellValue[];
}

export class SheetFormatError extends Error {}

/** 0-based column of a cell reference (C5 → 2), or -1 when it has no valid column letters. */
export function columnIndex(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 || i > 3 ? -1 : col - 1;
}

/** exceljs's excelToDate: a serial day number (1900 or 1904 system) as a UTC instant, rounded to the millisecond. */
export function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

interface CellState {
  col: number;
  type: string;
  style: number;
  formula: boolean;
  /** Text of <v>, undefined when there was none. */
  v: string | undefined;
  /** Text of <is><t> (rich-text runs concatenated), undefined when there was none. */
  inline: string | undefined;
}

/**
 * Builds rows from the events of a worksheet part, one <row> at a time. Finished rows wait in `rows` until the
 * reader takes them; `done` turns true at </sheetData>, after which nothing of the part is needed.
 */
export class SheetRowCollector implements XmlHandler {
  rows: RawRow[] = [];
  done = false;
  private inData = false;
  private row: RawRow | null = null;
  private lastRow = 0;
  private nextCol = 0;
  private cell: CellState | null = null;
  private reading: 'v' | 't' | null = null;
  private phonetic = 0;

  constructor(
    private readonly strings: readonly string[],
    private readonly dateStyles: readonly boolean[],
    private readonly date1904: boolean,
    private readonly maxColumns: number,
  ) {}

  open(name: string, a: Record<string, string>): void {
    if (!this.inData) {
      if (name === 'sheetData') this.inData = true;
      return;
    }
    switch (name) {
      case 'row': {
        const n = a.r === undefined ? this.lastRow + 1 : Number(a.r);
        if (!Number.isInteger(n) || n < 1) throw new SheetFormatError(`bad row number ${a.r}`);
        this.row = { rowNumber: n, values: [] };
        this.lastRow = n;
        this.nextCol = 0;
        break;
      }
      case 'c': {
        // A cell without r= follows the one before it; gaps in the letters (C5 right after A5) leave empty cells.
        const col = a.r === undefined ? this.nextCol : columnIndex(a.r);
        if (col < 0) throw new SheetFormatError(`bad cell reference ${a.r}`);
        this.cell = {
          col,
          type: a.t ?? 'n',
          style: a.s === undefined ? 0 : parseInt(a.s, 10) || 0,
          formula: false,
          v: undefined,
          inline: undefined,
        };
        break;
      }
      case 'f':
        if (this.cell) this.cell.formula = true;
        break;
      case 'v':
        this.reading = 'v';
        break;
      case 'rPh':
        this.phonetic++;
        break;
      case 't':
        if (this.cell && this.phonetic === 0) this.reading = 't';
        break;
    }
  }

  text(t: string): void {
    const cell = this.cell;
    if (!cell || !this.reading) return;
    if (this.reading === 'v') cell.v = (cell.v ?? '') + t;
    else cell.inline = (cell.inline ?? '') + t;
  }

  close(name: string): void {
    if (!this.inData) return;
    switch (name) {
      case 'v':
      case 't':
        this.reading = null;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'c':
        if (this.cell && this.row) {
          const value = this.valueOf(this.cell);
          if (value !== undefined && this.cell.col < this.maxColumns)
            this.row.values[this.cell.col] = value;
          this.nextCol = this.cell.col + 1;
        }
        this.cell = null;
        break;
      case 'row':
        if (this.row) this.rows.push(this.row);
        this.row = null;
        break;
      case 'sheetData':
        this.inData = false;
        this.done = true;
        break;
    }
  }

  private number(text: string, style: number): number | Date {
    const n = parseFloat(text);
    return this.dateStyles[style] && Number.isFinite(n) ? excelToDate(n, this.date1904) : n;
  }

  /** The cell's value as exceljs reconciles it (parseClose + reconcile of its cell xform). */
  private valueOf(c: CellState): CellValue {
    const v = c.v === '' ? undefined : c.v;
    if (c.formula) {
      // Formulas are refused whatever they compute; the cached result is only shown in the report.
      let result: unknown;
      if (v !== undefined)
        result =
          c.type === 'str' || c.type === 'e'
            ? detach(v)
            : c.type === 'b'
              ? parseInt(v, 10) !== 0
              : this.number(v, c.style);
      return { formula: '', result };
    }
    switch (c.type) {
      case 's': {
        if (v === undefined) return undefined;
        const s = this.strings[parseInt(v, 10)];
        if (s === undefined) throw new SheetFormatError(`shared string ${v} missing`);
        return s;
      }
      case 'inlineStr':
        return c.inline === undefined && v === undefined
          ? undefined
          : detach(unescapeX(c.inline ?? v ?? ''));
      case 'str':
        return v === undefined ? undefined : detach(v);
      case 'b':
        return v === undefined ? undefined : parseInt(v, 10) !== 0;
      case 'e':
        return v === undefined ? undefined : { error: detach(v) };
      case 'd': {
        // ISO 8601 date cells (strict OOXML); exceljs would misread them as a number.
        if (v === undefined) return undefined;
        const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) || !v.includes('T') ? v : `${v}Z`);
        return Number.isNaN(d.getTime()) ? detach(v) : d;
      }
      default:
        return v === undefined ? undefined : this.number(v, c.style);
    }
  }
}
