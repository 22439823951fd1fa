import type { Database } from './database';
import { isForeignKeyError } from './storage-errors';

/** A heading of the kiosk menu as stored: a field (no parent) or a procedure group. */
export interface ServiceGroupRecord {
  id: number;
  parentId: number | null;
  name: string;
  nameEn: string;
  sortOrder: number;
  active: boolean;
}

interface ServiceGroupRow {
  id: number;
  parent_id: number | null;
  name: string;
  name_en: string;
  sort_order: number;
  active: number;
}

const toRecord = (row: ServiceGroupRow): ServiceGroupRecord => ({
  id: row.id,
  parentId: row.parent_id,
  name: row.name,
  nameEn: row.name_en,
  sortOrder: row.sort_order,
  active: row.active === 1,
});

/** Reads and writes the kiosk menu's fields and procedure groups. */
export class ServiceGroupRepo {
  constructor(private readonly db: Database) {}

  /**
   * Active groups whose field (if any) is active too, fields first, then by sort order
   * and id: a group under an inactive field is hidden with it.
   */
  listActive(): ServiceGroupRecord[] {
    return this.db
      .all<ServiceGroupRow>(
        `SELECT g.* FROM service_groups g
         LEFT JOIN service_groups p ON p.id = g.parent_id
         WHERE g.active = 1 AND (g.parent_id IS NULL OR p.active = 1)
         ORDER BY g.parent_id IS NOT NULL, g.sort_order, g.id`,
      )
      .map(toRecord);
  }

  get(id: number): ServiceGroupRecord | undefined {
    const row = this.db.get<ServiceGroupRow>('SELECT * FROM service_groups WHERE id = ?', [id]);
    return row && toRecord(row);
  }

  /** Every group, inactive ones too, fields first. */
  listAll(): ServiceGroupRecord[] {
    return this.db
      .all<ServiceGroupRow>(
        'SELECT * FROM service_groups ORDER BY parent_id IS NOT NULL, sort_order, id',
      )
      .map(toRecord);
  }

  /** Whether any group sits inside this one. */
  hasChildren(id: number): boolean {
    return (
      this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM service_groups WHERE parent_id = ?', [
        id,
      ])?.n !== 0
    );
  }

  /** Overwrites a group's fields; the schema refuses nesting deeper than one level. */
  update(id: number, group: Omit<ServiceGroupRecord, 'id'>): void {
    this.db.run(
      `UPDATE service_groups SET parent_id = ?, name = ?, name_en = ?, sort_order = ?,
         active = ? WHERE id = ?`,
      [group.parentId, group.name, group.nameEn, group.sortOrder, group.active ? 1 : 0, id],
    );
  }

  /** Removes a group nothing refers to and answers true; false when a service or group does. */
  deleteUnused(id: number): boolean {
    try {
      this.db.run('DELETE FROM service_groups WHERE id = ?', [id]);
      return true;
    } catch (error) {
      if (isForeignKeyError(error)) return false;
      throw error;
    }
  }

  /** Inserts a group; the schema refuses a parent that is itself a group (depth ≤ 1). */
  insert(group: Omit<ServiceGroupRecord, 'id'>): number {
    return this.db.run(
      `INSERT INTO service_groups (parent_id, name, name_en, sort_order, active)
       VALUES (?, ?, ?, ?, ?)`,
      [group.parentId, group.name, group.nameEn, group.sortOrder, group.active ? 1 : 0],
    ).lastInsertRowid;
  }
}
