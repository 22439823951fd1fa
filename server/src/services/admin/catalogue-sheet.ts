import type { z } from 'zod';
import { serviceFieldRules } from '../../contract/catalogue-schemas';
import type { ImportProblemCode } from '../../contract/config';
import type { ServiceGroupRecord } from '../../storage/service-group-repo';
import type { ServiceRecord } from '../../storage/service-repo';
import type { ImportIssue } from './catalogue-apply';
import { FORMULA, type Cell } from './catalogue-file';

/** The catalogue sheet's columns, in order: Vietnamese header first, English second. */
export const SHEET_COLUMNS = [
  { key: 'code', header: 'Mã / Code', width: 12 },
  { key: 'name', header: 'Tên thủ tục / Name', width: 48 },
  { key: 'nameEn', header: 'Tên tiếng Anh / English name', width: 36 },
  { key: 'field', header: 'Lĩnh vực / Field', width: 24 },
  { key: 'group', header: 'Nhóm thủ tục / Group', width: 24 },
  { key: 'prefix', header: 'Tiền tố / Prefix', width: 10 },
  { key: 'from', header: 'Số từ / From', width: 10 },
  { key: 'to', header: 'Số đến / To', width: 10 },
  { key: 'targetWait', header: 'Thời gian chờ mục tiêu (phút) / Target wait', width: 14 },
  { key: 'dailyCap', header: 'Giới hạn số/ngày / Daily cap', width: 12 },
  { key: 'cutOff', header: 'Ngừng cấp trước giờ đóng (phút) / Cut-off', width: 14 },
  { key: 'active', header: 'Đang dùng / Active', width: 10 },
  { key: 'order', header: 'Thứ tự / Order', width: 8 },
] as const;

type ColumnKey = (typeof SHEET_COLUMNS)[number]['key'];

/** What a sheet's "Đang dùng" cell may say. */
const YES = new Set(['có', 'co', 'yes', 'true', '1', 'x']);
const NO = new Set(['không', 'khong', 'no', 'false', '0']);

/** A service's row as the sheet lists it. */
export interface SheetService {
  row: number;
  /** Null when the row gives none: the importer finds or derives it. */
  code: string | null;
  name: string;
  nameEn: string;
  field: string | null;
  group: string | null;
  prefix: string;
  numberRange: { from: number; to: number } | null;
  targetWaitMinutes: number | null;
  dailyCap: number | null;
  cutOff: number | null;
  active: boolean;
  sortOrder: number | null;
}

const fold = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/** The column a header names: the whole header, or its Vietnamese or English half. */
function columnOf(header: string): ColumnKey | null {
  const wanted = fold(header);
  const column = SHEET_COLUMNS.find(({ header: known }) => {
    const [vi, en] = known.split(' / ').map(fold);
    return wanted === fold(known) || wanted === vi || wanted === en;
  });
  return column?.key ?? null;
}

/**
 * The services a sheet lists, each cell checked by the API's own rules; blank rows are
 * skipped. Problems name
 * the row as the spreadsheet numbers it (the header is row 1) and the column's header.
 */
export function readSheet(cells: Cell[][]): { services: SheetService[]; problems: ImportIssue[] } {
  const problems: ImportIssue[] = [];
  const header = cells[0] ?? [];
  const seen = new Set<ColumnKey>();
  const columns = header.map((title, index) => {
    if (title === FORMULA) {
      problems.push({ row: 1, column: `#${index + 1}`, code: 'formula' });
      return null;
    }
    if (title === '') return null;
    const key = columnOf(title);
    if (!key) problems.push({ row: 1, column: title, code: 'unknown_column' });
    else if (seen.has(key)) problems.push({ row: 1, column: title, code: 'duplicate' });
    else seen.add(key);
    return key;
  });
  for (const required of ['name', 'prefix'] as const) {
    if (!columns.includes(required)) {
      const title = SHEET_COLUMNS.find((c) => c.key === required)!.header;
      problems.push({ row: 1, column: title, code: 'required' });
    }
  }
  if (problems.length > 0) return { services: [], problems };

  const services: SheetService[] = [];
  const codes = new Map<string, number>();
  cells.slice(1).forEach((cellsOfRow, index) => {
    const row = index + 2;
    const value: Partial<Record<ColumnKey, string>> = {};
    const formulas = new Set<ColumnKey>();
    let ok = true;
    const problem = (key: ColumnKey, code: ImportProblemCode, detail?: string) => {
      ok = false;
      const column = SHEET_COLUMNS.find((c) => c.key === key)!.header;
      problems.push({ row, column, code, ...(detail !== undefined && { detail }) });
    };
    columns.forEach((key, c) => {
      const cell = cellsOfRow[c] ?? '';
      if (key === null) return;
      if (cell === FORMULA) {
        problem(key, 'formula');
        formulas.add(key);
      } else value[key] = cell;
    });
    if (Object.values(value).every((text) => text === '') && ok) return;

    const text = <T>(key: ColumnKey, rule: z.ZodType<T>, required: boolean): T | null => {
      const raw = value[key] ?? '';
      if (raw === '') {
        if (required && !formulas.has(key)) problem(key, 'required');
        return null;
      }
      const parsed = rule.safeParse(raw);
      if (parsed.success) return parsed.data;
      problem(key, 'invalid', parsed.error.issues[0]?.message);
      return null;
    };
    const number = <T>(key: ColumnKey, rule: z.ZodType<T>): T | null => {
      const raw = value[key] ?? '';
      if (raw === '') return null;
      const parsed = /^-?\d+$/.test(raw) ? rule.safeParse(Number(raw)) : null;
      if (parsed?.success) return parsed.data;
      problem(key, 'invalid', parsed?.error.issues[0]?.message ?? 'a whole number');
      return null;
    };

    const name = text('name', serviceFieldRules.name, true);
    const prefix = text('prefix', serviceFieldRules.prefix, true);
    const nameEn = text('nameEn', serviceFieldRules.nameEn, false) ?? '';
    const field = text('field', serviceFieldRules.name, false);
    const group = text('group', serviceFieldRules.name, false);
    const from = number('from', serviceFieldRules.numberRange.unwrap().shape.from);
    const to = number('to', serviceFieldRules.numberRange.unwrap().shape.to);
    if ((from === null) !== (to === null) && ok) problem(from === null ? 'from' : 'to', 'required');
    if (from !== null && to !== null && from > to)
      problem('to', 'invalid', 'from must not be above to');
    const targetWaitMinutes = number('targetWait', serviceFieldRules.targetWaitMinutes);
    const dailyCap = number('dailyCap', serviceFieldRules.dailyCap);
    const cutOff = number('cutOff', serviceFieldRules.cutOff);
    const sortOrder = number('order', serviceFieldRules.sortOrder);
    const activeText = fold(value.active ?? '');
    if (activeText !== '' && !YES.has(activeText) && !NO.has(activeText))
      problem('active', 'invalid', 'Có / Không');
    const code = text('code', serviceFieldRules.code, false);
    if (code !== null) {
      if (codes.has(code)) problem('code', 'duplicate', code);
      else codes.set(code, row);
    }
    if (!ok || name === null || prefix === null) return;
    services.push({
      row,
      code,
      name,
      nameEn,
      field,
      group,
      prefix,
      numberRange: from !== null && to !== null ? { from, to } : null,
      targetWaitMinutes,
      dailyCap,
      cutOff,
      active: !NO.has(activeText),
      sortOrder,
    });
  });
  return { services, problems };
}

/** The catalogue as an XLSX in the sheet's columns, one service a row, by menu order. */
export async function catalogueWorkbook(
  services: readonly ServiceRecord[],
  groups: readonly ServiceGroupRecord[],
): Promise<Buffer> {
  // Loaded on first use, as in catalogue-file.ts: it slows every start-up otherwise.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'Luot';
  const sheet = workbook.addWorksheet('Thủ tục', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = SHEET_COLUMNS.map(({ key, header, width }) => ({ key, header, width }));
  sheet.getRow(1).font = { bold: true };
  const byId = new Map(groups.map((g) => [g.id, g]));
  for (const s of services) {
    const group = s.groupId === null ? undefined : byId.get(s.groupId);
    const field = group?.parentId == null ? group : byId.get(group.parentId);
    sheet.addRow({
      code: s.code,
      name: s.name,
      nameEn: s.nameEn,
      field: field?.name ?? '',
      group: group && group !== field ? group.name : '',
      prefix: s.prefix,
      from: s.numberRange?.from ?? null,
      to: s.numberRange?.to ?? null,
      targetWait: s.targetWaitMinutes,
      dailyCap: s.dailyCap,
      cutOff: s.cutoffMinutes,
      active: s.active ? 'Có' : 'Không',
      order: s.sortOrder,
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
