import { inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';
import { DomainError } from '../../domain/errors';

/** Largest catalogue file accepted, as sent. */
export const MAX_CATALOGUE_FILE_BYTES = 5 * 1024 * 1024;
/**
 * Most bytes an XLSX may hold once unzipped: 2,000 services in every column fit in about
 * 2 MB, and the parser's memory grows with this (a 20 MB sheet took about 480 MB).
 */
export const MAX_UNZIPPED_BYTES = 4 * 1024 * 1024;
/** Most files inside an XLSX. */
const MAX_ZIP_ENTRIES = 200;
/** Most rows (header included) and columns a catalogue sheet may have. */
export const MAX_SHEET_ROWS = 2001;
export const MAX_SHEET_COLUMNS = 30;
/** Longest text a cell may hold. */
const MAX_CELL_CHARS = 1000;

/** The MIME types the import reads, and the one the export writes. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CATALOGUE_FILE_TYPES = [XLSX_TYPE, 'text/csv', 'application/octet-stream'] as const;

/** A worksheet inside an XLSX, whose rows and cells are counted before it is parsed. */
const WORKSHEET_ENTRY = /^xl\/worksheets\/[^/]+\.xml$/i;
/** Opening tags of a row and of a cell, with or without a namespace prefix. */
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s/>]/g;
const CELL_TAG = /<(?:[A-Za-z_][\w.-]*:)?c[\s/>]/g;

/** A cell that held a formula: refused, since only its last computed value would be read. */
export const FORMULA = Symbol('formula');
/** One cell as read: its text (trimmed, NFC; '' when empty), or `FORMULA`. */
export type Cell = string | typeof FORMULA;

const unreadable = (why: string) => new DomainError('unsupported_file', why);

/**
 * A catalogue file's cells, row by row (the header first): an XLSX (by its `PK` signature)
 * or a UTF-8 CSV with or without a byte-order mark, comma, semicolon or tab separated.
 * Anything else, a zip that unpacks past `MAX_UNZIPPED_BYTES`, or a sheet past
 * `MAX_SHEET_ROWS` × `MAX_SHEET_COLUMNS` is `unsupported_file`; an XLSX's rows and cells are
 * counted in its XML before the parser builds them.
 */
export async function readCatalogueFile(bytes: Buffer, contentType: string): Promise<Cell[][]> {
  const isZip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
  if (isZip) return readXlsx(bytes);
  if (contentType === XLSX_TYPE) throw unreadable('Not an XLSX file');
  return readCsv(bytes);
}

async function readXlsx(bytes: Buffer): Promise<Cell[][]> {
  checkZip(bytes);
  // Loaded on first use: exceljs is a third of the server's start-up (≈0.5 s of ≈1.8 s).
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable('The XLSX file cannot be read');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('The XLSX file has no sheet');
  if (sheet.rowCount > MAX_SHEET_ROWS || sheet.columnCount > MAX_SHEET_COLUMNS) {
    throw unreadable(`At most ${MAX_SHEET_ROWS - 1} rows and ${MAX_SHEET_COLUMNS} columns`);
  }
  const rows: Cell[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** A cell's value as text: numbers as written, rich text joined, formulas marked. */
function cellText(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return clean(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return clean(value.toISOString());
  if ('formula' in value || 'sharedFormula' in value) return FORMULA;
  if ('richText' in value) return clean(value.richText.map((part) => part.text).join(''));
  if ('text' in value && typeof value.text === 'string') return clean(value.text);
  return clean(String((value as { error?: unknown }).error ?? ''));
}

function clean(text: string): string {
  if (text.length > MAX_CELL_CHARS)
    throw unreadable(`A cell holds more than ${MAX_CELL_CHARS} characters`);
  return text.trim().normalize('NFC');
}

/**
 * Unzips every entry with a cap on what it may produce before any XLSX parser sees the file
 * (the sizes a zip declares can lie, the inflated bytes cannot), and counts each worksheet's
 * rows and cells in its XML.
 */
function checkZip(bytes: Buffer): void {
  const end = findEndOfDirectory(bytes);
  const entries = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (entries > MAX_ZIP_ENTRIES) throw unreadable('Too many files inside the XLSX');
  let budget = MAX_UNZIPPED_BYTES;
  for (let i = 0; i < entries; i += 1) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) {
      throw unreadable('The XLSX file is damaged');
    }
    const method = bytes.readUInt16LE(offset + 10);
    const compressed = bytes.readUInt32LE(offset + 20);
    const local = bytes.readUInt32LE(offset + 42);
    const nameLength = bytes.readUInt16LE(offset + 28);
    if (offset + 46 + nameLength > bytes.length) throw unreadable('The XLSX file is damaged');
    const name = bytes.toString('latin1', offset + 46, offset + 46 + nameLength);
    offset +=
      46 +
      bytes.readUInt16LE(offset + 28) +
      bytes.readUInt16LE(offset + 30) +
      bytes.readUInt16LE(offset + 32);
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) {
      throw unreadable('The XLSX file is damaged');
    }
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + compressed > bytes.length) throw unreadable('The XLSX file is damaged');
    const data = bytes.subarray(start, start + compressed);
    let content: Buffer;
    if (method === 0) content = data;
    else if (method === 8) {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(budget, 1) });
      } catch {
        throw unreadable(
          `The XLSX unpacks to more than ${MAX_UNZIPPED_BYTES} bytes, or is damaged`,
        );
      }
    } else throw unreadable('The XLSX uses an unknown compression');
    budget -= content.length;
    if (budget < 0) throw unreadable(`The XLSX unpacks to more than ${MAX_UNZIPPED_BYTES} bytes`);
    if (WORKSHEET_ENTRY.test(name)) checkSheetSize(content.toString('latin1'));
  }
}

/** Refuses a worksheet's XML with more rows or cells than a catalogue sheet may have. */
function checkSheetSize(xml: string): void {
  const rows = countUpTo(xml, ROW_TAG, MAX_SHEET_ROWS + 1);
  const cells = countUpTo(xml, CELL_TAG, MAX_SHEET_ROWS * MAX_SHEET_COLUMNS + 1);
  if (rows > MAX_SHEET_ROWS || cells > MAX_SHEET_ROWS * MAX_SHEET_COLUMNS) {
    throw unreadable(`At most ${MAX_SHEET_ROWS - 1} rows and ${MAX_SHEET_COLUMNS} columns`);
  }
}

/** How many times `pattern` (global) matches in `text`, counting no further than `limit`. */
function countUpTo(text: string, pattern: RegExp, limit: number): number {
  const search = new RegExp(pattern.source, 'g');
  let count = 0;
  while (count < limit && search.exec(text) !== null) count += 1;
  return count;
}

/** Where the zip's end-of-central-directory record starts (it ends the file, with a comment). */
function findEndOfDirectory(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (bytes.readUInt32LE(at) === 0x06054b50) return at;
  }
  throw unreadable('The XLSX file is damaged');
}

function readCsv(bytes: Buffer): Cell[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw unreadable('The CSV file is not UTF-8 text');
  }
  if (text.includes('\u0000')) throw unreadable('The CSV file is not text');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = [',', ';', '\t'].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  const rows = parseCsv(text, separator);
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell === '')) rows.pop();
  if (rows.length > MAX_SHEET_ROWS || rows.some((row) => row.length > MAX_SHEET_COLUMNS)) {
    throw unreadable(`At most ${MAX_SHEET_ROWS - 1} rows and ${MAX_SHEET_COLUMNS} columns`);
  }
  return rows.map((row) => row.map(clean));
}

/** RFC 4180: quoted fields may hold separators, line breaks and doubled quotes. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      if (rows.length > MAX_SHEET_ROWS) return rows;
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
