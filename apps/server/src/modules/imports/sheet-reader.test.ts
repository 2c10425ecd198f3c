import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { openSheet, type SheetRow } from './sheet-reader';
import { XmlScanner } from './xml-scanner';
import { xlsxRows } from './xlsx-stream-reader';
import { xlsxFromXml, zipOf } from './xlsx-zip.test-util';

// The streaming xlsx reader on its own: files written by exceljs (as the templates are) and hand-built XML for the
// cell kinds a template never produces.

async function readAll(buf: Buffer): Promise<{ headers: string[]; rows: SheetRow[] }> {
  const sheet = await openSheet(buf);
  const rows: SheetRow[] = [];
  for await (const r of sheet.rows) rows.push(r);
  return { headers: sheet.headers, rows };
}

const cells = (rows: SheetRow[]) => rows.map((r) => r.cells);
const HANZI =
  '户籍人口流动未落境外员河南省郑州市金水区中原路街道社区网格张王李赵钱孙周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施';
/** Deterministic mixed text: Chinese of varying length with ASCII between, so characters land on every byte offset. */
const mixed = (i: number) => {
  let s = '';
  for (let k = 0; k < 3 + (i % 11); k++) s += HANZI[(i * 7 + k * 13) % HANZI.length]!;
  return i % 5 === 0 ? `${s}${i}号` : s;
};

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('streaming xlsx reader', () => {
  it('reads back 50,000 rows of Chinese from shared strings exactly, whatever the inflate chunks split', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('实有人口');
    ws.addRow(['姓名', '户籍地', '编号']);
    for (let i = 0; i < 50_000; i++) ws.addRow([mixed(i), mixed(i + 50_000), `A${i}`]);
    const { headers, rows } = await readAll(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(headers).toEqual(['姓名', '户籍地', '编号']);
    expect(rows).toHaveLength(50_000);
    const wrong = rows.findIndex(
      (r, i) =>
        r.rowNumber !== i + 2 ||
        r.cells[0] !== mixed(i) ||
        r.cells[1] !== mixed(i + 50_000) ||
        r.cells[2] !== `A${i}`,
    );
    expect(wrong).toBe(-1);
    expect(rows.some((r) => r.cells.join('').includes('\ufffd'))).toBe(false);
  }, 60_000);

  it('reads inline strings as exceljs’s streaming writer leaves them (no shared string table)', async () => {
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on('data', (c: Buffer) => parts.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useSharedStrings: false,
      useStyles: false,
    });
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['姓名', '户籍地']).commit();
    for (let i = 0; i < 20_000; i++) ws.addRow([mixed(i), mixed(i * 3)]).commit();
    ws.commit();
    await wb.commit();
    const { rows } = await readAll(Buffer.concat(parts));
    expect(rows).toHaveLength(20_000);
    expect(rows.findIndex((r, i) => r.cells[0] !== mixed(i) || r.cells[1] !== mixed(i * 3))).toBe(
      -1,
    );
  }, 60_000);

  it('reads numbers, booleans, dates (built-in and custom formats, 1900 and 1904), errors, and flags formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['a', 'b', 'c', 'd', 'e', 'f']);
    ws.addRow([
      42,
      3.5,
      true,
      false,
      new Date(Date.UTC(2024, 2, 5)),
      { formula: 'A2*2', result: 84 },
    ]);
    ws.addRow([1234567890123456, { error: '#N/A' }, { formula: 'B2', result: '字' }, '', null]);
    ws.getCell('E2').numFmt = 'yyyy"年"m"月"d"日"';
    const { rows } = await readAll(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows[0]).toEqual({
      rowNumber: 2,
      cells: ['42', '3.5', '是', '否', '2024-03-05', '84'],
      cellProblems: [{ col: 5, value: '84', problem: '不接受公式，请复制后“粘贴为数值”' }],
    });
    expect(rows[1]!.cellProblems.map((p) => [p.col, p.value])).toEqual([
      [0, '1234567890123456'],
      [1, '#N/A'],
      [2, '字'],
    ]);

    const styled = xlsxFromXml({
      numFmts: [
        { id: 164, code: '[Red]"日期"0.00' },
        { id: 165, code: 'yy/mm/dd;@' },
      ],
      cellXfs: [0, 14, 22, 164, 165, 49, 31],
      sheetData:
        '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>' +
        '<row r="2"><c r="A2" s="1"><v>45356</v></c><c r="B2" s="2"><v>45356.75</v></c><c r="C2" s="3"><v>45356</v></c><c r="D2" s="4"><v>45356</v></c><c r="E2" s="5"><v>45356</v></c><c r="F2" s="6"><v>45356</v></c><c r="G2" t="d"><v>2024-03-05T00:00:00</v></c></row>' +
        '<row r="3"><c r="A3" t="e"><v>#DIV/0!</v></c><c r="B3" t="b"><f>TRUE()</f><v>1</v></c><c r="C3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D3" s="1"><f t="shared" si="0" ref="D3:D4"/><v>45356</v></c></row>',
    });
    const b = await readAll(styled);
    expect(b.rows[0]!.cells).toEqual([
      '2024-03-05',
      '2024-03-05',
      '45356',
      '2024-03-05',
      '45356',
      '45356',
      '2024-03-05',
    ]);
    expect(b.rows[1]!.cellProblems.map((p) => [p.col, p.value, p.problem.slice(0, 4)])).toEqual([
      [0, '#DIV/0!', '单元格含'],
      [1, 'true', '不接受公'],
      [2, 'ab', '不接受公'],
      [3, String(new Date(Date.UTC(2024, 2, 5))), '不接受公'],
    ]);
    const in1904 = await readAll(
      xlsxFromXml({
        date1904: true,
        cellXfs: [0, 14],
        sheetData:
          '<row r="1"><c t="inlineStr"><is><t>d</t></is></c></row><row r="2"><c s="1"><v>43894</v></c></row>',
      }),
    );
    expect(in1904.rows[0]!.cells).toEqual(['2024-03-05']);
  });

  it('reads shared and inline strings with rich-text runs, entities, _x escapes and phonetic guides left out', async () => {
    const file = xlsxFromXml({
      sharedStrings:
        '<si><t>姓名</t></si><si><r><rPr><b/></rPr><t>张</t></r><r><t xml:space="preserve">三 </t></r></si><si><t>A&amp;B &lt;c&gt; &quot;q&quot; &apos;s&apos; &#20013;&#x6587;</t></si>' +
        '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si><si><t>a_x000D_b</t></si><si><t><![CDATA[<not markup> & raw]]></t></si>',
      sheetData:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>备注</t></is></c></row>' +
        '<row r="2" spans="1:2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><r><t>李</t></r><r><rPr><i/></rPr><t>四&amp;</t></r></is></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="s"><v>3</v></c><c r="C3" t="s"><v>4</v></c><c r="D3" t="s"><v>5</v></c></row>',
    });
    const { headers, rows } = await readAll(file);
    expect(headers).toEqual(['姓名', '备注']);
    expect(cells(rows)).toEqual([
      ['张三', '李四&'],
      ['A&B <c> "q" \'s\' 中文', '漢字', 'a\rb', '<not markup> & raw'],
    ]);
  });

  it('places cells by their reference: gaps (C5 after A5), cells without r=, rows without r=, skipped blank rows', async () => {
    const file = xlsxFromXml({
      sheetData:
        '<row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c><c r="B2" t="inlineStr"><is><t>乙</t></is></c><c r="C2" t="inlineStr"><is><t>丙</t></is></c></row>' +
        '<row r="5"><c r="A5" t="inlineStr"><is><t>a</t></is></c><c r="C5" t="inlineStr"><is><t>c</t></is></c></row>' +
        '<row r="6"><c s="0"/><c r="B6" t="inlineStr"><is><t>b</t></is></c><c t="inlineStr"><is><t>c</t></is></c></row>' +
        '<row r="7"/><row><c r="A8"><v>8</v></c></row><x:row r="9"><x:c r="AA9"><x:v>1</x:v></x:c></x:row>',
    });
    const { headers, rows } = await readAll(file);
    expect(headers).toEqual(['甲', '乙', '丙']);
    expect(rows.map((r) => [r.rowNumber, r.cells])).toEqual([
      [5, ['a', '', 'c']],
      [6, ['', 'b', 'c']],
      [8, ['8']],
      [9, [...Array<string>(26).fill(''), '1']],
    ]);
  });

  it('gives merged cells the value of their top-left cell, as exceljs does, also in rows the sheet leaves out', async () => {
    const file = xlsxFromXml({
      merges: ['B2:B4', 'C3:D3'],
      sheetData:
        '<row r="1"><c r="A1" t="inlineStr"><is><t>n</t></is></c><c r="B1" t="inlineStr"><is><t>place</t></is></c></row>' +
        '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>金水区</t></is></c></row>' +
        '<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>ignored</t></is></c><c r="C3"><v>7</v></c></row>',
    });
    expect((await readAll(file)).rows.map((r) => [r.rowNumber, r.cells])).toEqual([
      [2, ['1', '金水区']],
      [3, ['2', '金水区', '7', '7']],
      [4, ['', '金水区']],
    ]);
  });

  it('reads stored (uncompressed) parts and skips sheets that are not worksheets', async () => {
    const file = xlsxFromXml({
      stored: true,
      chartsheetFirst: true,
      sheetPart: 'data.xml',
      sharedStrings: ['编号', '中文'],
      sheetData: '<row r="1"><c t="s"><v>0</v></c></row><row r="2"><c t="s"><v>1</v></c></row>',
    });
    expect(await readAll(file)).toEqual({
      headers: ['编号'],
      rows: [{ rowNumber: 2, cells: ['中文'], cellProblems: [] }],
    });
  });

  it('refuses corrupted files, malformed XML and missing parts with invalid_file', async () => {
    const good = xlsxFromXml({
      sheetData: '<row r="1"><c t="inlineStr"><is><t>编号</t></is></c></row>',
    });
    const flipped = Buffer.from(good);
    const at = flipped.indexOf('xl/worksheets/sheet1.xml') + 30;
    flipped[at] = flipped[at]! ^ 0xff;
    flipped[at + 1] = flipped[at + 1]! ^ 0xff;
    const truncated = good.subarray(0, good.length - 30);
    const cases = [
      flipped,
      truncated,
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
      xlsxFromXml({ sheetData: '<row r="1"><c t="s"><v>3</v></c></row>' }),
      xlsxFromXml({ sheetData: '<row r="1"><c r="1A" t="inlineStr"><is><t>x</t></is></c></row>' }),
      xlsxFromXml({
        sheetData: '<row r="1"><c t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c',
      }),
      zipOf([{ name: '[Content_Types].xml', data: '<Types/>' }]),
      zipOf([{ name: 'xl/workbook.xml', data: '<!DOCTYPE x [<!ENTITY a "aaaa">]><workbook/>' }]),
    ];
    for (const file of cases)
      expect(await errorOf(readAll(file))).toMatchObject({ code: 'invalid_file', status: 422 });
    const noSheet = zipOf([{ name: 'xl/workbook.xml', data: '<workbook><sheets/></workbook>' }]);
    expect((await errorOf(readAll(noSheet))).message).toBe('文件中没有工作表');
  });

  it('refuses zip bombs: a declared size over the limit, and data inflating past what the directory declares', async () => {
    const row = `<row r="1"><c t="inlineStr"><is><t>${'中'.repeat(500)}</t></is></c></row>`;
    const big = xlsxFromXml({ sheetData: row.repeat(2_000) });
    const limited = xlsxRows(
      big,
      { maxColumns: 60, maxUnzippedBytes: 1_000_000 },
      () => new AppError('invalid_file', 'too big'),
    );
    expect((await errorOf(limited.next())).message).toBe('too big');
    // A directory that understates an entry: inflating stops at the declared size.
    const lying = Buffer.from(big);
    const name = lying.lastIndexOf('xl/worksheets/sheet1.xml');
    lying.writeUInt32LE(10_000, name - 46 + 24);
    expect((await errorOf(readAll(lying))).code).toBe('invalid_file');
  });

  it('refuses a part whose bytes do not match its CRC (yauzl leaves the check to us)', async () => {
    const file = xlsxFromXml({
      stored: true,
      sheetData:
        '<row r="1"><c t="inlineStr"><is><t>编号</t></is></c></row><row r="2"><c t="inlineStr"><is><t>AAAA</t></is></c></row>',
    });
    expect((await readAll(file)).rows[0]!.cells).toEqual(['AAAA']);
    const changed = Buffer.from(file);
    changed.write('BBBB', changed.indexOf('AAAA'));
    expect(await errorOf(readAll(changed))).toMatchObject({ code: 'invalid_file', status: 422 });
  });
});

describe('xml scanner', () => {
  it('gives the same events whatever the chunking, entities and tags cut anywhere', () => {
    const xml =
      '<?xml version="1.0"?><!-- c --><a x="1 &gt; 0" y=\'&amp;\'><b>中&amp;文&#x4E2D;&#20013;</b><c/><![CDATA[<&>]]></a>';
    const events = (size: number) => {
      const out: string[] = [];
      const s = new XmlScanner({
        open: (n, a) => out.push(`open ${n} ${JSON.stringify(a)}`),
        close: (n) => out.push(`close ${n}`),
        text: (t) => out.push(`text ${t}`),
      });
      for (let i = 0; i < xml.length; i += size) s.write(xml.slice(i, i + size));
      s.end();
      // Text may come in pieces: adjacent pieces are joined.
      return out.reduce<string[]>(
        (acc, e) =>
          e.startsWith('text ') && acc.at(-1)?.startsWith('text ')
            ? [...acc.slice(0, -1), acc.at(-1)! + e.slice(5)]
            : [...acc, e],
        [],
      );
    };
    const whole = events(xml.length);
    expect(whole).toEqual([
      'open a {"x":"1 > 0","y":"&"}',
      'open b {}',
      'text 中&文中中',
      'close b',
      'open c {}',
      'close c',
      'text <&>',
      'close a',
    ]);
    for (let size = 1; size < 12; size++) expect(events(size)).toEqual(whole);
    expect(() =>
      new XmlScanner({
        open: () => undefined,
        close: () => undefined,
        text: () => undefined,
      }).write('<a><b></a>'),
    ).toThrow();
  });
});
