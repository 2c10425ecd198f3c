import { crc32, deflateRawSync } from 'node:zlib';

/** One file of a test zip: `stored` keeps it uncompressed (method 0), as some writers do for small parts. */
export interface ZipFile {
  name: string;
  data: string | Buffer;
  stored?: boolean;
}

/** A plain zip (no data descriptors, no zip64): enough to hand-build xlsx files whose XML the tests control. */
export function zipOf(files: ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const data = Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data, 'utf8');
    const body = f.stored ? data : deflateRawSync(data);
    const name = Buffer.from(f.name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(f.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(f.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * An xlsx file around hand-written <sheetData> content (and optional shared strings, styles, merges). Options let a
 * test store parts uncompressed, add sheets before the data sheet, or use the 1904 date system.
 */
export function xlsxFromXml(opts: {
  sheetData: string;
  sharedStrings?: string[] | string;
  numFmts?: { id: number; code: string }[];
  /** numFmtId of each cell style (s=0, s=1, …). */
  cellXfs?: number[];
  merges?: string[];
  stored?: boolean;
  date1904?: boolean;
  /** Sheets listed before the data sheet whose relationship is a chartsheet (skipped like exceljs does). */
  chartsheetFirst?: boolean;
  /** The worksheet's part name under xl/worksheets/ (found through the workbook's relationships, whatever it is). */
  sheetPart?: string;
}): Buffer {
  const sheetPart = opts.sheetPart ?? 'sheet1.xml';
  const files: ZipFile[] = [];
  const add = (name: string, data: string) => files.push({ name, data, stored: opts.stored });
  add(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  add(
    '_rels/.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheets = `${opts.chartsheetFirst ? '<sheet name="图表" sheetId="2" r:id="rId9"/>' : ''}<sheet name="数据" sheetId="1" r:id="rId1"/>`;
  add(
    'xl/workbook.xml',
    `<?xml version="1.0"?><workbook ${NS}>${opts.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets}</sheets></workbook>`,
  );
  add(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/${sheetPart}"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId9" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
  );
  const merges = opts.merges?.length
    ? `<mergeCells count="${opts.merges.length}">${opts.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  add(
    `xl/worksheets/${sheetPart}`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><dimension ref="A1"/><sheetData>${opts.sheetData}</sheetData>${merges}<pageMargins left="0.7"/></worksheet>`,
  );
  if (opts.chartsheetFirst) add('xl/chartsheets/sheet1.xml', `<chartsheet ${NS}/>`);
  if (opts.sharedStrings !== undefined) {
    const items =
      typeof opts.sharedStrings === 'string'
        ? opts.sharedStrings
        : opts.sharedStrings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('');
    add('xl/sharedStrings.xml', `<?xml version="1.0"?><sst ${NS}>${items}</sst>`);
  }
  const fmts = opts.numFmts?.length
    ? `<numFmts count="${opts.numFmts.length}">${opts.numFmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${f.code.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`).join('')}</numFmts>`
    : '';
  const xfs = (opts.cellXfs ?? [0])
    .map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`)
    .join('');
  add(
    'xl/styles.xml',
    `<?xml version="1.0"?><styleSheet ${NS}>${fmts}<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs><cellXfs>${xfs}</cellXfs></styleSheet>`,
  );
  return zipOf(files);
}
