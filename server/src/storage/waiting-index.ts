import type { PriorityClass } from '../contract/entities';
import type { WaitingEntry, WaitingLists } from '../domain/waiting-lists';
import type { Database } from './database';

/** Four sorted lists: priority or normal × front or not. */
type Lists = [WaitingEntry[], WaitingEntry[], WaitingEntry[], WaitingEntry[]];

const slot = (priority: boolean, front: boolean) => (priority ? 0 : 2) + (front ? 0 : 1);
const listOf = (lists: Lists, entry: WaitingEntry): WaitingEntry[] =>
  lists[slot(entry.priorityClass !== null, entry.front)] as WaitingEntry[];
const EMPTY: readonly WaitingEntry[] = [];

interface EntryRow {
  id: number;
  service_id: number;
  priority_class: PriorityClass | null;
  issued_at: number;
  front: number;
  target_counter_id: number | null;
}

/** Where in `list` (by issue time, then id) `entry` goes or is. */
function positionOf(list: readonly WaitingEntry[], entry: WaitingEntry): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const other = list[mid] as WaitingEntry;
    if (
      other.issuedAt < entry.issuedAt ||
      (other.issuedAt === entry.issuedAt && other.id < entry.id)
    )
      lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every waiting ticket, in memory, kept in the call order's lists (issue 13): call-next and
 * the people-ahead figure read the heads of a few sorted lists instead of loading and
 * sorting the queue, and the waiting counts are kept as tickets come and go.
 *
 * It follows the `tickets` table itself: temporary triggers on this connection call
 * `luot_waiting` for every row that becomes, stays or stops being waiting, whoever writes it
 * (the repo, a test's SQL, a seed script). A change made inside a command's transaction is
 * journalled: the command runner undoes it if the command (or a nested one's savepoint) rolls
 * back (`mark`, `rollbackTo`, `commit`). A change inside a transaction that is not a command,
 * whose outcome the index cannot know, marks it stale, and the next read rebuilds it from SQL
 * (`tickets_waiting` index, one pass).
 */
export class WaitingIndex implements WaitingLists {
  private readonly byId = new Map<number, WaitingEntry>();
  private readonly services = new Map<number, Lists>();
  private readonly counters = new Map<number, Lists>();
  private readonly counts = new Map<number, number>();
  private stale = true;
  /** Inside a command: the entries before each change, to undo on a rollback. */
  private journal: { id: number; before: WaitingEntry | undefined }[] | null = null;
  private rebuiltInCommand = false;

  constructor(private readonly db: Database) {
    db.raw.function(
      'luot_waiting',
      { deterministic: false, varargs: false },
      (id, waiting, serviceId, priorityClass, issuedAt, front, targetCounterId) => {
        this.changed(
          Number(id),
          waiting === 1
            ? {
                id: Number(id),
                serviceId: Number(serviceId),
                priorityClass: priorityClass as PriorityClass | null,
                issuedAt: Number(issuedAt),
                front: front === 1,
                targetCounterId: targetCounterId === null ? null : Number(targetCounterId),
              }
            : undefined,
        );
        return null;
      },
    );
    const fields =
      "NEW.id, NEW.status = 'waiting', NEW.service_id, NEW.priority_class, NEW.issued_at, " +
      'NEW.front, NEW.target_counter_id';
    db.exec(`
      DROP TRIGGER IF EXISTS temp.luot_waiting_insert;
      DROP TRIGGER IF EXISTS temp.luot_waiting_update;
      DROP TRIGGER IF EXISTS temp.luot_waiting_delete;
      CREATE TEMP TRIGGER luot_waiting_insert AFTER INSERT ON main.tickets
        WHEN NEW.status = 'waiting' BEGIN SELECT luot_waiting(${fields}); END;
      CREATE TEMP TRIGGER luot_waiting_update
        AFTER UPDATE OF status, service_id, priority_class, issued_at, front, target_counter_id
        ON main.tickets WHEN NEW.status = 'waiting' OR OLD.status = 'waiting'
        BEGIN SELECT luot_waiting(${fields}); END;
      CREATE TEMP TRIGGER luot_waiting_delete AFTER DELETE ON main.tickets
        WHEN OLD.status = 'waiting'
        BEGIN SELECT luot_waiting(OLD.id, 0, NULL, NULL, NULL, NULL, NULL); END;
    `);
  }

  /** A command's transaction begins: journal changes from here. */
  begin(): void {
    this.journal = [];
    this.rebuiltInCommand = false;
  }

  /** Where the journal stands, for a nested command's savepoint. */
  mark(): number {
    return this.journal?.length ?? 0;
  }

  /** The command (or the savepoint opened at `mark`) rolled back: undo its changes. */
  rollbackTo(mark: number, outermost: boolean): void {
    const journal = this.journal;
    if (journal) {
      for (let i = journal.length - 1; i >= mark; i--) {
        const { id, before } = journal[i] as { id: number; before: WaitingEntry | undefined };
        this.apply(id, before);
      }
      journal.length = mark;
    }
    // Rebuilt from rows this command wrote: what it read may be gone.
    if (this.rebuiltInCommand) this.stale = true;
    if (outermost) this.journal = null;
  }

  /** The command committed: its changes stand. */
  commit(): void {
    this.journal = null;
    this.rebuiltInCommand = false;
  }

  /** Drops the index: the next read rebuilds it from SQL. */
  invalidate(): void {
    this.stale = true;
  }

  ofService(serviceId: number, priority: boolean, front: boolean): readonly WaitingEntry[] {
    this.fresh();
    return this.services.get(serviceId)?.[slot(priority, front)] ?? EMPTY;
  }

  sentTo(counterId: number, priority: boolean, front: boolean): readonly WaitingEntry[] {
    this.fresh();
    return this.counters.get(counterId)?.[slot(priority, front)] ?? EMPTY;
  }

  /** Waiting tickets per service id (those sent to a counter by name included). */
  waitingCounts(): ReadonlyMap<number, number> {
    this.fresh();
    return this.counts;
  }

  /** Every waiting ticket, in no order (tests compare it with SQL). */
  entries(): WaitingEntry[] {
    this.fresh();
    return [...this.byId.values()];
  }

  get(id: number): WaitingEntry | undefined {
    this.fresh();
    return this.byId.get(id);
  }

  private changed(id: number, entry: WaitingEntry | undefined): void {
    if (this.stale) return;
    if (this.journal) this.journal.push({ id, before: this.byId.get(id) });
    else if (this.db.raw.inTransaction) {
      // A transaction that is no command: it may still roll back.
      this.stale = true;
      return;
    }
    this.apply(id, entry);
  }

  private apply(id: number, entry: WaitingEntry | undefined): void {
    const before = this.byId.get(id);
    if (before) {
      this.byId.delete(id);
      const list = listOf(this.listsFor(before), before);
      const at = positionOf(list, before);
      if (list[at]?.id === id) list.splice(at, 1);
      const left = (this.counts.get(before.serviceId) ?? 1) - 1;
      if (left > 0) this.counts.set(before.serviceId, left);
      else this.counts.delete(before.serviceId);
    }
    if (entry) {
      this.byId.set(id, entry);
      const list = listOf(this.listsFor(entry), entry);
      list.splice(positionOf(list, entry), 0, entry);
      this.counts.set(entry.serviceId, (this.counts.get(entry.serviceId) ?? 0) + 1);
    }
  }

  private listsFor(entry: WaitingEntry): Lists {
    const map = entry.targetCounterId === null ? this.services : this.counters;
    const key = entry.targetCounterId ?? entry.serviceId;
    let lists = map.get(key);
    if (!lists) {
      lists = [[], [], [], []];
      map.set(key, lists);
    }
    return lists;
  }

  private fresh(): void {
    if (!this.stale) return;
    this.byId.clear();
    this.services.clear();
    this.counters.clear();
    this.counts.clear();
    const rows = this.db.all<EntryRow>(
      `SELECT id, service_id, priority_class, issued_at, front, target_counter_id FROM tickets
       WHERE status = 'waiting' ORDER BY issued_at, id`,
    );
    for (const row of rows) {
      const entry: WaitingEntry = {
        id: row.id,
        serviceId: row.service_id,
        priorityClass: row.priority_class,
        issuedAt: row.issued_at,
        front: row.front === 1,
        targetCounterId: row.target_counter_id,
      };
      this.byId.set(entry.id, entry);
      listOf(this.listsFor(entry), entry).push(entry);
      this.counts.set(entry.serviceId, (this.counts.get(entry.serviceId) ?? 0) + 1);
    }
    this.stale = false;
    if (this.journal) this.rebuiltInCommand = true;
  }
}

const indexes = new WeakMap<Database, WaitingIndex>();

/** The one index of a connection (its triggers and function are the connection's). */
export function waitingIndexOf(db: Database): WaitingIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new WaitingIndex(db);
    indexes.set(db, index);
  }
  return index;
}
