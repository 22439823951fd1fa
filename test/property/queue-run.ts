// The property test's centre, one run at a time: a real application on a real SQLite file.
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { createApplication, type Application } from '../../server/src/app';
import type { Ticket } from '../../server/src/contract';
import { DomainError } from '../../server/src/domain/errors';
import type { Actor } from '../../server/src/services/core/actor';
import { seedDemoCentre } from '../../server/src/storage/demo-centre';
import { openDatabase, type Database } from '../../server/src/storage/database';
import { migrate } from '../../server/src/storage/migrate';
import { ManualClock, tempDataDir } from '../support/test-server';
import type { CounterRow, Row, World } from './queue-model';

const ZONE = 'Asia/Ho_Chi_Minh';
/** The demo counters the runs use; each has a clerk of its own. */
export const COUNTERS = [1, 2, 3, 10];
/** Vietnam keeps UTC+7 all year, so the test reads the service day without the domain's help. */
export const today = (now: number) => new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);

/** One run's database, application, clerks (one per counter) and what it has seen. */
export interface Run {
  dataDir: string;
  db: Database;
  app: Application;
  clock: ManualClock;
  clerks: Map<number, Actor>;
  calls: number;
  finishes: number;
}

/** A fresh centre: the demo services and counters, an admin, and each counter's clerk at it. */
export function startRun(): Run {
  const dataDir = tempDataDir();
  const db = openDatabase(path.join(dataDir, 'luot.db'));
  migrate(db);
  const clock = new ManualClock();
  const app = createApplication({ db, clock, logger: pino({ level: 'silent' }), timeZone: ZONE });
  seedDemoCentre(app.repos);
  const account = (username: string, role: Actor['role']) =>
    app.repos.staff.insert(
      { username, displayName: username, role, passwordHash: 'x', mustChangePassword: false },
      clock.now(),
    );
  account('admin', 'admin');
  const clerks = new Map(
    COUNTERS.map((id) => [
      id,
      { staffId: account(`clerk-${id}`, 'clerk'), role: 'clerk' } as Actor,
    ]),
  );
  app.settings.reload();
  const run = { dataDir, db, app, clock, clerks, calls: 0, finishes: 0 };
  for (const id of COUNTERS) arrive(run, id);
  return run;
}

/** The counter's clerk signs in (a new session) and takes their counter. */
export function arrive(run: Run, counterId: number): void {
  const clerk = run.clerks.get(counterId) as Actor;
  run.app.auth.openSession(clerk.staffId);
  run.app.counters.signIn(counterId, clerk);
}

/** What the rules look at, read from the database now. */
export function worldOf(run: Run): World {
  const { db, app, clock } = run;
  return {
    tickets: db.all<Row>('SELECT * FROM tickets ORDER BY id'),
    counters: db.all<CounterRow>('SELECT id, staff_id, status FROM counters ORDER BY id'),
    tiers: new Map(
      app.repos.counters
        .list()
        .map((c) => [c.id, new Map(c.services.map((s) => [s.serviceId, s.tier]))]),
    ),
    targetWaitMs: new Map(
      app.repos.services.listActive().map((s) => [s.id, s.targetWaitMinutes * 60_000]),
    ),
    now: clock.now(),
    today: today(clock.now()),
    recallLimit: app.settings.current().recallLimit,
    staffed: (id) => {
      const holder = app.repos.counters.get(id)?.staffId ?? null;
      return holder !== null && app.repos.staff.hasLiveSession(holder, clock.now());
    },
  };
}

/**
 * Runs `act`; it must succeed when `must` is empty, and be refused only with a code of
 * `must` or `may`. Any other error fails the run. Returns the refusal's code, if any.
 */
export function attempt(act: () => unknown, must: string[], may: string[] = []): string | null {
  try {
    act();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (![...must, ...may].includes(error.code)) {
      throw new Error(`refused with ${error.code}; the rules allow only [${[...must, ...may]}]`);
    }
    return error.code;
  }
  if (must.length > 0) throw new Error(`succeeded, but the rules say [${must}]`);
  return null;
}

/** The feed: seq strictly increasing, nothing for a refusal, and it rebuilds the tables. */
export class FeedCheck {
  private lastSeq = 0;
  private readonly tickets = new Map<number, Ticket>();
  private readonly counters = new Map<number, string>();

  check(run: Run, after: World, refused: string | null): void {
    const events = run.app.repos.events.since(this.lastSeq, 10_000);
    if (refused !== null) expect(events).toEqual([]);
    for (const event of events) {
      expect(event.seq).toBeGreaterThan(this.lastSeq);
      expect(event.at).toBe(after.now);
      this.lastSeq = event.seq;
      const { ticket, counter } = event.payload as {
        ticket?: Ticket;
        counter?: { id: number; status: string };
      };
      if (event.type.startsWith('ticket:') && ticket) this.tickets.set(ticket.id, ticket);
      if (event.type === 'counter:updated' && counter)
        this.counters.set(counter.id, counter.status);
    }
    const fromFeed = [...this.tickets.values()]
      .sort((a, b) => a.id - b.id)
      .map((t) => [t.id, t.number, t.serviceId, t.priorityClass, t.status, t.counterId]);
    const stored = after.tickets.map((t) => [
      t.id,
      t.number,
      t.service_id,
      t.priority_class,
      t.status,
      t.counter_id,
    ]);
    expect(fromFeed).toEqual(stored);
    for (const [id, status] of this.counters) {
      expect(`counter ${id} ${status}`).toBe(
        `counter ${id} ${after.counters.find((c) => c.id === id)?.status}`,
      );
    }
  }
}

/** Closes the run's database and removes its folder. */
export function endRun(run: Run): void {
  run.db.close();
  fs.rmSync(run.dataDir, { recursive: true, force: true });
}
