import type { NumberRange } from '../contract/entities';
import type { Database } from './database';
import { isForeignKeyError } from './storage-errors';
import { tableCacheOf } from './table-cache';

/** A service as stored. */
export interface ServiceRecord {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  prefix: string;
  agency: string;
  targetWaitMinutes: number;
  defaultServiceMinutes: number;
  sortOrder: number;
  active: boolean;
  /** Most tickets a day; null for no limit. */
  dailyCap: number | null;
  /** Minutes before closing the kiosk stops issuing; null for the centre's default. */
  cutoffMinutes: number | null;
  /** The kiosk menu group it is listed under; null: top level. */
  groupId: number | null;
  /** The numbers its tickets take; null: prefix + daily sequence from 1. */
  numberRange: NumberRange | null;
}

/** What an admin sets on a service: everything stored but its id. */
export type ServiceFields = Omit<ServiceRecord, 'id'>;

interface ServiceRow {
  id: number;
  code: string;
  name: string;
  name_en: string;
  prefix: string;
  agency: string;
  target_wait_minutes: number;
  default_service_minutes: number;
  sort_order: number;
  active: number;
  daily_cap: number | null;
  cutoff_minutes: number | null;
  group_id: number | null;
  range_from: number | null;
  range_to: number | null;
}

const toRecord = (row: ServiceRow): ServiceRecord => ({
  id: row.id,
  code: row.code,
  name: row.name,
  nameEn: row.name_en,
  prefix: row.prefix,
  agency: row.agency,
  targetWaitMinutes: row.target_wait_minutes,
  defaultServiceMinutes: row.default_service_minutes,
  sortOrder: row.sort_order,
  active: row.active === 1,
  dailyCap: row.daily_cap,
  cutoffMinutes: row.cutoff_minutes,
  groupId: row.group_id,
  numberRange:
    row.range_from !== null && row.range_to !== null
      ? { from: row.range_from, to: row.range_to }
      : null,
});

/** Reads and writes services. */
export class ServiceRepo {
  constructor(private readonly db: Database) {}

  /** Active services in kiosk order. */
  /** Kept between reads until a service changes (storage/table-cache.ts); frozen, shared. */
  listActive(): ServiceRecord[] {
    return tableCacheOf(this.db).read('services:active', ['services'], () =>
      this.db
        .all<ServiceRow>('SELECT * FROM services WHERE active = 1 ORDER BY sort_order, id')
        .map(toRecord),
    );
  }

  /** Any service, active or not; kept like `listActive` (every ticket issued asks). */
  get(id: number): ServiceRecord | undefined {
    return tableCacheOf(this.db)
      .read('services:by-id', ['services'], () => {
        const rows = this.db.all<ServiceRow>('SELECT * FROM services');
        return new Map(rows.map((row) => [row.id, toRecord(row)]));
      })
      .get(id);
  }

  count(): number {
    return this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM services')?.n ?? 0;
  }

  /** Every service, inactive ones too, in kiosk order. */
  listAll(): ServiceRecord[] {
    return this.db.all<ServiceRow>('SELECT * FROM services ORDER BY sort_order, id').map(toRecord);
  }

  /** The service holding a code (codes are unique across inactive services too). */
  byCode(code: string): ServiceRecord | undefined {
    const row = this.db.get<ServiceRow>('SELECT * FROM services WHERE code = ?', [code]);
    return row && toRecord(row);
  }

  /** Overwrites every editable field of a service. */
  update(id: number, service: ServiceFields): void {
    this.db.run(
      `UPDATE services SET code = ?, name = ?, name_en = ?, prefix = ?, agency = ?,
         target_wait_minutes = ?, default_service_minutes = ?, sort_order = ?, active = ?,
         daily_cap = ?, cutoff_minutes = ?, group_id = ?, range_from = ?, range_to = ?
       WHERE id = ?`,
      [...fieldValues(service), id],
    );
  }

  /**
   * Removes a service nothing refers to and answers true; false (nothing removed) when a
   * ticket, a counter, a rating or anything else still refers to it.
   */
  deleteUnused(id: number): boolean {
    try {
      this.db.run('DELETE FROM services WHERE id = ?', [id]);
      return true;
    } catch (error) {
      if (isForeignKeyError(error)) return false;
      throw error;
    }
  }

  insert(
    service: Omit<ServiceRecord, 'id' | 'groupId' | 'numberRange'> &
      Partial<Pick<ServiceRecord, 'groupId' | 'numberRange'>>,
  ): number {
    return this.db.run(
      `INSERT INTO services (code, name, name_en, prefix, agency, target_wait_minutes,
         default_service_minutes, sort_order, active, daily_cap, cutoff_minutes, group_id,
         range_from, range_to)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        service.code,
        service.name,
        service.nameEn,
        service.prefix,
        service.agency,
        service.targetWaitMinutes,
        service.defaultServiceMinutes,
        service.sortOrder,
        service.active ? 1 : 0,
        service.dailyCap,
        service.cutoffMinutes,
        service.groupId ?? null,
        service.numberRange?.from ?? null,
        service.numberRange?.to ?? null,
      ],
    ).lastInsertRowid;
  }
}

/** A service's fields in the order of `update`'s columns. */
function fieldValues(service: ServiceFields): (string | number | null)[] {
  return [
    service.code,
    service.name,
    service.nameEn,
    service.prefix,
    service.agency,
    service.targetWaitMinutes,
    service.defaultServiceMinutes,
    service.sortOrder,
    service.active ? 1 : 0,
    service.dailyCap,
    service.cutoffMinutes,
    service.groupId,
    service.numberRange?.from ?? null,
    service.numberRange?.to ?? null,
  ];
}
