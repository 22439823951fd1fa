import type { PrinterOptionsInput, PrinterStatusReport } from '../contract/printing';
import type { Database } from './database';
import { tableCacheOf } from './table-cache';

/** A printer as stored (deleted printers are kept for their jobs' history but never listed). */
export interface PrinterRecord {
  id: number;
  name: string;
  target: string;
  options: PrinterOptionsInput;
  deviceId: number | null;
  isDefault: boolean;
  active: boolean;
  lastStatus: PrinterStatusReport | null;
  lastStatusAt: number | null;
}

/** The fields an admin sets. */
export type PrinterFields = Pick<
  PrinterRecord,
  'name' | 'target' | 'options' | 'deviceId' | 'isDefault' | 'active'
>;

interface PrinterRow {
  id: number;
  name: string;
  target: string;
  options: string;
  device_id: number | null;
  is_default: number;
  active: number;
  last_status: string | null;
  last_status_at: number | null;
}

const toRecord = (row: PrinterRow): PrinterRecord => ({
  id: row.id,
  name: row.name,
  target: row.target,
  options: JSON.parse(row.options) as PrinterOptionsInput,
  deviceId: row.device_id,
  isDefault: row.is_default === 1,
  active: row.active === 1,
  lastStatus:
    row.last_status === null ? null : (JSON.parse(row.last_status) as PrinterStatusReport),
  lastStatusAt: row.last_status_at,
});

/** Ticket printers and their last known status. */
export class PrinterRepo {
  constructor(private readonly db: Database) {}

  list(): PrinterRecord[] {
    return this.db
      .all<PrinterRow>('SELECT * FROM printers WHERE deleted_at IS NULL ORDER BY id')
      .map(toRecord);
  }

  get(id: number): PrinterRecord | undefined {
    const row = this.db.get<PrinterRow>(
      'SELECT * FROM printers WHERE id = ? AND deleted_at IS NULL',
      [id],
    );
    return row && toRecord(row);
  }

  /** The active printer of a paired kiosk (the newest when several). */
  activeForDevice(deviceId: number): PrinterRecord | undefined {
    return this.active().find((printer) => printer.deviceId === deviceId);
  }

  /** The active default printer, if any. */
  activeDefault(): PrinterRecord | undefined {
    return this.active().find((printer) => printer.isDefault);
  }

  /**
   * Active printers, newest first: every ticket issued looks for its printer. Kept between
   * reads until a printer changes (its status included; storage/table-cache.ts); frozen.
   */
  private active(): readonly PrinterRecord[] {
    return tableCacheOf(this.db).read('printers:active', ['printers'], () =>
      this.db
        .all<PrinterRow>(
          'SELECT * FROM printers WHERE active = 1 AND deleted_at IS NULL ORDER BY id DESC',
        )
        .map(toRecord),
    );
  }

  insert(fields: PrinterFields, now: number): number {
    return this.db.run(
      `INSERT INTO printers (name, target, options, device_id, is_default, active, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        fields.name,
        fields.target,
        JSON.stringify(fields.options),
        fields.deviceId,
        fields.isDefault ? 1 : 0,
        fields.active ? 1 : 0,
        now,
      ],
    ).lastInsertRowid;
  }

  update(id: number, fields: PrinterFields): void {
    this.db.run(
      `UPDATE printers SET name = ?, target = ?, options = ?, device_id = ?, is_default = ?,
       active = ? WHERE id = ?`,
      [
        fields.name,
        fields.target,
        JSON.stringify(fields.options),
        fields.deviceId,
        fields.isDefault ? 1 : 0,
        fields.active ? 1 : 0,
        id,
      ],
    );
  }

  /** Makes `id` the only default printer. */
  clearDefaultExcept(id: number): void {
    this.db.run('UPDATE printers SET is_default = 0 WHERE id != ? AND is_default = 1', [id]);
  }

  markDeleted(id: number, now: number): void {
    this.db.run('UPDATE printers SET deleted_at = ?, active = 0, is_default = 0 WHERE id = ?', [
      now,
      id,
    ]);
  }

  /** Forgets the last status (the printer's address changed: what it said no longer holds). */
  clearStatus(id: number): void {
    this.db.run('UPDATE printers SET last_status = NULL, last_status_at = NULL WHERE id = ?', [id]);
  }

  setStatus(id: number, status: PrinterStatusReport, now: number): void {
    this.db.run('UPDATE printers SET last_status = ?, last_status_at = ? WHERE id = ?', [
      JSON.stringify(status),
      now,
      id,
    ]);
  }
}
