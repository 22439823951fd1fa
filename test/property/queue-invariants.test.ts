import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { createApplication, type Application } from '../../server/src/app';
import { DomainError } from '../../server/src/domain/errors';
import { serviceDay } from '../../server/src/domain/service-day';
import type { Actor } from '../../server/src/services/actor';
import { seedDemoCentre } from '../../server/src/services/demo-centre';
import { openDatabase } from '../../server/src/storage/database';
import { migrate } from '../../server/src/storage/migrate';
import { ManualClock, tempDataDir } from '../support/test-server';

const ZONE = 'Asia/Ho_Chi_Minh';
const ADMIN: Actor = { staffId: 1, role: 'admin' };
const SERVICES = [1, 2, 3, 7];
const COUNTERS = [1, 2, 3, 10];
const PRIORITIES = [null, null, null, 'elderly', 'pregnant'] as const;

type Command =
  | { kind: 'issue'; serviceId: number; priority: string | null }
  | {
      kind: 'act';
      counterId: number;
      action: 'call-next' | 'recall' | 'start' | 'finish' | 'no-show' | 'park';
    }
  | { kind: 'transfer'; counterId: number; serviceId: number }
  | { kind: 'return' | 'requeue' | 'cancel'; pick: number }
  | { kind: 'pause' | 'resume'; counterId: number }
  | { kind: 'wait'; minutes: number }
  | { kind: 'day-end' };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      serviceId: fc.constantFrom(...SERVICES),
      priority: fc.constantFrom(...PRIORITIES),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      counterId: fc.constantFrom(...COUNTERS),
      action: fc.constantFrom(
        'call-next',
        'call-next',
        'recall',
        'start',
        'finish',
        'no-show',
        'park',
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      counterId: fc.constantFrom(...COUNTERS),
      serviceId: fc.constantFrom(...SERVICES),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('return' as const, 'requeue' as const, 'cancel' as const),
      pick: fc.nat(20),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('pause' as const, 'resume' as const),
      counterId: fc.constantFrom(...COUNTERS),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      minutes: fc.integer({ min: 1, max: 30 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'day-end' as const }) },
);

interface Row {
  id: number;
  service_id: number;
  original_service_id: number;
  day: string;
  number: string;
  status: string;
  counter_id: number | null;
  called_at: number | null;
  serving_at: number | null;
  priority_class: string | null;
}

/** Runs one command; refusals with a domain code are part of the game, anything else is a bug. */
function run(app: Application, clock: ManualClock, cmd: Command, rows: () => Row[]): void {
  const pickOf = (status: string, pick: number) => {
    const list = rows().filter((r) => r.status === status);
    return list.length > 0 ? list[pick % list.length] : undefined;
  };
  try {
    switch (cmd.kind) {
      case 'issue':
        app.issuer.issueTicket({ serviceId: cmd.serviceId, priorityClass: cmd.priority });
        break;
      case 'act':
        app.queue.act(cmd.counterId, cmd.action, ADMIN);
        break;
      case 'transfer':
        app.queue.transfer(cmd.counterId, { serviceId: cmd.serviceId }, ADMIN);
        break;
      case 'return': {
        const ticket = pickOf('parked', cmd.pick);
        if (ticket) app.tickets.returnParked(ticket.id, ADMIN);
        break;
      }
      case 'requeue': {
        const ticket = pickOf('no_show', cmd.pick);
        if (ticket) app.tickets.requeue(ticket.id, ADMIN);
        break;
      }
      case 'cancel': {
        const ticket = pickOf('waiting', cmd.pick);
        if (ticket) app.tickets.cancel(ticket.id, 'Công dân không chờ được', ADMIN);
        break;
      }
      case 'pause':
        app.counters.pause(cmd.counterId, 'Họp', ADMIN);
        break;
      case 'resume':
        app.counters.open(cmd.counterId, ADMIN);
        break;
      case 'wait':
        clock.advance(cmd.minutes * 60_000);
        break;
      case 'day-end':
        clock.advance(24 * 60 * 60_000);
        app.dayEnd.rollOver();
        break;
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
}

/** The rules a called ticket must satisfy, written out independently of the domain code. */
function expectRightChoice(
  before: Row[],
  calledId: number,
  counterId: number,
  app: Application,
  now: number,
): void {
  const counter = app.repos.counters.get(counterId);
  if (!counter) throw new Error('no counter');
  const tiers = new Map(counter.services.map((s) => [s.serviceId, s.tier]));
  const target = new Map(
    app.repos.services.listActive().map((s) => [s.id, s.targetWaitMinutes * 60_000]),
  );
  const eligible = before.filter((r) => r.status === 'waiting' && tiers.has(r.service_id));
  const called = before.find((r) => r.id === calledId);
  if (!called || !eligible.some((r) => r.id === calledId)) return; // targeted or front tickets: covered by unit tests
  const issued = (r: Row) => app.repos.tickets.get(r.id)?.issuedAt ?? 0;
  const overdue = (r: Row) => now - issued(r) > (target.get(r.service_id) ?? Infinity);
  // Strict policy: a normal ticket is never called while an eligible priority ticket waits.
  if (called.priority_class === null) {
    expect(eligible.filter((r) => r.priority_class !== null)).toEqual([]);
  }
  // Within the called ticket's group nobody overdue was skipped for a ticket that was not.
  const group = eligible.filter(
    (r) => (r.priority_class === null) === (called.priority_class === null),
  );
  if (!overdue(called)) expect(group.filter(overdue)).toEqual([]);
}

describe('the queue under random command sequences', () => {
  test('keeps numbers unique and never reused, one ticket per counter, and the calling rules', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 60 }), (commands) => {
        const dataDir = tempDataDir();
        const db = openDatabase(path.join(dataDir, 'luot.db'));
        try {
          migrate(db);
          const clock = new ManualClock();
          const app = createApplication({
            db,
            clock,
            logger: pino({ level: 'silent' }),
            timeZone: ZONE,
          });
          seedDemoCentre(app.repos);
          app.repos.staff.insert(
            {
              username: 'admin',
              displayName: 'Quản trị viên',
              role: 'admin',
              passwordHash: 'x',
              mustChangePassword: false,
            },
            clock.now(),
          );
          app.settings.reload();
          const rows = () => db.all<Row>('SELECT * FROM tickets ORDER BY id');
          const everIssued = new Set<string>();
          let lastSeq = 0;

          for (const cmd of commands) {
            const before = rows();
            run(app, clock, cmd, rows);
            const after = rows();

            for (const row of after)
              everIssued.add(`${row.original_service_id}/${row.day}/${row.number}`);
            const keys = after.map((r) => `${r.original_service_id}/${r.day}/${r.number}`);
            expect(new Set(keys).size).toBe(keys.length);
            expect(after.length).toBeGreaterThanOrEqual(before.length);
            expect(everIssued.size).toBe(after.length);

            const atCounters = after.filter((r) => r.status === 'called' || r.status === 'serving');
            for (const r of atCounters) expect(r.counter_id).not.toBeNull();
            const perCounter = atCounters.map((r) => r.counter_id);
            expect(new Set(perCounter).size).toBe(perCounter.length);

            for (const r of after.filter((x) => x.status === 'serving' || x.status === 'done')) {
              expect(r.called_at).not.toBeNull();
              expect(r.serving_at).not.toBeNull();
            }
            const today = serviceDay(clock.now(), ZONE);
            for (const r of after.filter((x) =>
              ['waiting', 'called', 'serving', 'parked'].includes(x.status),
            )) {
              expect(r.day).toBe(today);
            }

            if (cmd.kind === 'act' && cmd.action === 'call-next') {
              const called = after.find(
                (r) =>
                  r.status === 'called' &&
                  r.counter_id === cmd.counterId &&
                  before.find((b) => b.id === r.id)?.status === 'waiting',
              );
              if (called) expectRightChoice(before, called.id, cmd.counterId, app, clock.now());
            }

            const seq = app.repos.events.lastSeq();
            expect(seq).toBeGreaterThanOrEqual(lastSeq);
            lastSeq = seq;
          }
          expect(
            db.get<{ integrity_check: string }>('PRAGMA integrity_check')?.integrity_check,
          ).toBe('ok');
        } finally {
          db.close();
          fs.rmSync(dataDir, { recursive: true, force: true });
        }
      }),
      { numRuns: 150 },
    );
  });
});
