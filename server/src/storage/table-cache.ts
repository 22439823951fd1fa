import type { Database } from './database';

/**
 * The tables whose reads may be cached: they change when an admin edits, a device pairs or
 * checks in (`devices.last_seen_at`, at most every few minutes) or a printer's status
 * changes, not per ticket.
 */
const WATCHED = [
  'services',
  'counters',
  'counter_services',
  'staff',
  'devices',
  'printers',
] as const;
export type WatchedTable = (typeof WATCHED)[number];

/**
 * Rows of rarely changed tables kept between requests (issue 13: every ticket issued read
 * the active services twice and the counters with their services once). Temp triggers on
 * the connection call a JS function for every row inserted, updated or deleted in a watched
 * table, whoever writes it, and the entries read from that table are dropped. A change made
 * in a transaction is not known to have committed until the transaction ends: until then
 * reads of that table go to SQL and nothing is cached, and when it ends (`settle`, called by
 * the command runner after each command, or the next read outside a transaction) the
 * entries are dropped again, so a rolled-back change never stays cached. Values are frozen:
 * callers share them.
 */
export class TableCache {
  private readonly entries = new Map<string, { value: unknown; tables: readonly WatchedTable[] }>();
  /** Tables changed in the transaction still open. */
  private readonly unsettled = new Set<WatchedTable>();

  constructor(private readonly db: Database) {
    db.raw.function('luot_table_changed', { deterministic: false }, (table) => {
      this.changed(table as WatchedTable);
      return null;
    });
    db.exec(
      WATCHED.flatMap((table) =>
        ['INSERT', 'UPDATE', 'DELETE'].map((op) => {
          const name = `temp.luot_changed_${table}_${op.toLowerCase()}`;
          return `DROP TRIGGER IF EXISTS ${name};
            CREATE TEMP TRIGGER ${name.slice(5)} AFTER ${op} ON main.${table}
            BEGIN SELECT luot_table_changed('${table}'); END;`;
        }),
      ).join('\n'),
    );
  }

  /** `load()`'s value, kept until one of `tables` changes. */
  read<T>(key: string, tables: readonly WatchedTable[], load: () => T): T {
    if (!this.db.raw.inTransaction) this.settle();
    if (tables.some((table) => this.unsettled.has(table))) return load();
    const hit = this.entries.get(key);
    if (hit) return hit.value as T;
    const value = deepFreeze(load());
    this.entries.set(key, { value, tables });
    return value;
  }

  /** The transaction ended (committed or rolled back): forget what it changed. */
  settle(): void {
    if (this.unsettled.size === 0) return;
    for (const table of this.unsettled) this.drop(table);
    this.unsettled.clear();
  }

  private changed(table: WatchedTable): void {
    this.drop(table);
    if (this.db.raw.inTransaction) this.unsettled.add(table);
  }

  private drop(table: WatchedTable): void {
    for (const [key, entry] of this.entries)
      if (entry.tables.includes(table)) this.entries.delete(key);
  }
}

/** Freezes `value` and what it holds, a Map's values included. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    const inner = value instanceof Map ? [...value.values()] : Object.values(value);
    for (const item of inner) deepFreeze(item);
  }
  return value;
}

const caches = new WeakMap<Database['raw'], TableCache>();

/**
 * The connection's one table cache, built at its first read (its triggers and function are
 * the connection's: wrappers of one connection share it).
 */
export function tableCacheOf(db: Database): TableCache {
  let cache = caches.get(db.raw);
  if (!cache) {
    cache = new TableCache(db);
    caches.set(db.raw, cache);
  }
  return cache;
}
