import type { Database } from './database';

/** A counter as stored, with its services best tier first. */
export interface CounterRecord {
  id: number;
  number: number;
  name: string;
  staffId: number | null;
  staffName: string | null;
  active: boolean;
  services: { serviceId: number; tier: number }[];
}

interface CounterRow {
  id: number;
  number: number;
  name: string;
  staff_id: number | null;
  staff_name: string | null;
  active: number;
}

/** Reads and writes counters and the services they serve. */
export class CounterRepo {
  constructor(private readonly db: Database) {}

  list(): CounterRecord[] {
    const rows = this.db.all<CounterRow>(
      `SELECT c.*, s.display_name AS staff_name FROM counters c
       LEFT JOIN staff s ON s.id = c.staff_id WHERE c.active = 1 ORDER BY c.number`,
    );
    const links = this.db.all<{ counter_id: number; service_id: number; tier: number }>(
      'SELECT counter_id, service_id, tier FROM counter_services ORDER BY tier, service_id',
    );
    return rows.map((row) => ({
      ...this.toRecordBase(row),
      services: links
        .filter((link) => link.counter_id === row.id)
        .map((link) => ({ serviceId: link.service_id, tier: link.tier })),
    }));
  }

  get(id: number): CounterRecord | undefined {
    const row = this.db.get<CounterRow>(
      `SELECT c.*, s.display_name AS staff_name FROM counters c
       LEFT JOIN staff s ON s.id = c.staff_id WHERE c.id = ? AND c.active = 1`,
      [id],
    );
    if (!row) return undefined;
    const services = this.db
      .all<{ service_id: number; tier: number }>(
        'SELECT service_id, tier FROM counter_services WHERE counter_id = ? ORDER BY tier, service_id',
        [id],
      )
      .map((link) => ({ serviceId: link.service_id, tier: link.tier }));
    return { ...this.toRecordBase(row), services };
  }

  /** Number of active counters with a clerk signed in that serve the service. */
  staffedCountFor(serviceId: number): number {
    return (
      this.db.get<{ n: number }>(
        `SELECT COUNT(*) AS n FROM counters c JOIN counter_services cs ON cs.counter_id = c.id
         WHERE cs.service_id = ? AND c.active = 1 AND c.staff_id IS NOT NULL`,
        [serviceId],
      )?.n ?? 0
    );
  }

  setStaff(counterId: number, staffId: number | null): void {
    this.db.run('UPDATE counters SET staff_id = ? WHERE id = ?', [staffId, counterId]);
  }

  insert(
    counter: { number: number; name: string },
    services: { serviceId: number; tier: number }[],
  ): number {
    const id = this.db.run('INSERT INTO counters (number, name) VALUES (?, ?)', [
      counter.number,
      counter.name,
    ]).lastInsertRowid;
    for (const link of services) {
      this.db.run('INSERT INTO counter_services (counter_id, service_id, tier) VALUES (?, ?, ?)', [
        id,
        link.serviceId,
        link.tier,
      ]);
    }
    return id;
  }

  private toRecordBase(row: CounterRow): Omit<CounterRecord, 'services'> {
    return {
      id: row.id,
      number: row.number,
      name: row.name,
      staffId: row.staff_id,
      staffName: row.staff_name,
      active: row.active === 1,
    };
  }
}
