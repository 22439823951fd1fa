import type { NumberRange } from './entities';
import type { CentreSettings } from './settings';

/** What `GET /api/config/export` writes in `format`; an import refuses anything else. */
export const CONFIG_FORMAT = 'luot-config';
/** The version of the document's shape; an import refuses a newer one. */
export const CONFIG_VERSION = 1;

/**
 * A kiosk menu heading in an exported configuration. `ref` names it inside the document
 * only ("G1", "G2"…, fields first), so services and groups can point at it without ids.
 */
export interface ConfigServiceGroup {
  ref: string;
  /** The field it sits in (its `ref`); null: it is a field itself. */
  parent: string | null;
  name: string;
  nameEn: string;
  sortOrder: number;
  active: boolean;
}

/** A service in an exported configuration, named by its code. */
export interface ConfigService {
  code: string;
  name: string;
  nameEn: string;
  prefix: string;
  /** The group's `ref`; null: top level of the kiosk menu. */
  group: string | null;
  numberRange: NumberRange | null;
  targetWaitMinutes: number;
  dailyCap: number | null;
  cutOff: number | null;
  active: boolean;
  sortOrder: number;
}

/** A counter in an exported configuration; its tiers name services by code, best first. */
export interface ConfigCounter {
  number: number;
  name: string;
  active: boolean;
  tiers: string[][];
}

/**
 * `GET /api/config/export`, and the body of `POST /api/config/import`: the centre's
 * settings, kiosk menu, services, counters and logo. No tickets, no accounts, no devices,
 * no printers, no secrets (see docs/api.md).
 */
export interface CentreConfig {
  format: typeof CONFIG_FORMAT;
  version: typeof CONFIG_VERSION;
  /** When it was written (ISO 8601, UTC); ignored on import. */
  exportedAt: string;
  settings: CentreSettings;
  serviceGroups: ConfigServiceGroup[];
  services: ConfigService[];
  counters: ConfigCounter[];
  /** The centre's logo, base64; null when none is set. */
  logo: { contentType: 'image/png' | 'image/jpeg'; base64: string } | null;
}

/**
 * How many of one kind an import created, changed, found already as listed (`unchanged`:
 * counted, not written or audited), and removed or deactivated.
 */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  retired: number;
}

/** What an import wrote, for services, kiosk menu groups and counters. */
export interface ImportResult {
  services: ImportCounts;
  serviceGroups: ImportCounts;
  counters: ImportCounts;
}

/** Why a row or an entry of an import was refused (UIs translate `import.row.<code>`). */
export const IMPORT_PROBLEMS = [
  'required',
  'invalid',
  'duplicate',
  'formula',
  'prefix_taken',
  'unknown_service',
  'unknown_column',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEMS)[number];

/**
 * One refused row of a catalogue file (`row` as the spreadsheet numbers it, the header
 * being row 1, `column` its header), or one refused entry of a configuration (`row` null,
 * `column` its path, e.g. `services.3.prefix`). `detail` is the validator's own words.
 */
export interface ImportProblem {
  row: number | null;
  column: string;
  code: ImportProblemCode;
  message: string;
  detail?: string;
}

/** The body of a `422 import_failed`: `{ error: { code, message, rows } }`. */
export interface ImportFailedBody {
  error: { code: 'import_failed'; message: string; rows: ImportProblem[] };
}
