import fc from 'fast-check';
import type { Actor } from '../../server/src/services/core/actor';
import {
  choiceProblem,
  counterRefusals,
  currentAt,
  statusRefusals,
  ticketProblem,
  type Action,
  type World,
} from './queue-model';
import {
  arrive,
  attempt,
  COUNTERS,
  endRun,
  FeedCheck,
  startRun,
  today,
  worldOf,
  type Run,
} from './queue-run';

const ADMIN: Actor = { staffId: 1, role: 'admin' };
const SERVICES = [1, 2, 3, 7];
const RUNS = 80;
const PRIORITIES = [null, null, null, 'elderly', 'pregnant'] as const;
const PAUSE_REASON = 'Họp';

type Command =
  | { kind: 'issue'; serviceId: number; priority: string | null }
  | { kind: 'act'; counterId: number; action: Action; byAdmin: boolean }
  | { kind: 'transfer'; counterId: number; serviceId: number; toCounter: number | null }
  | { kind: 'return' | 'requeue' | 'cancel'; pick: number }
  | { kind: 'pause' | 'close' | 'open' | 'arrive' | 'leave'; counterId: number }
  | { kind: 'wait'; minutes: number }
  | { kind: 'day-end' };

const counterId = fc.constantFrom(...COUNTERS);
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      // Service 3 has no counter here: its tickets only wait, are cancelled and expire.
      serviceId: fc.constantFrom(1, 1, 7, 2, 3),
      priority: fc.constantFrom(...PRIORITIES),
    }),
  },
  {
    weight: 20,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      // Most actions at two counters, so that one ticket often goes from call to finish.
      counterId: fc.constantFrom(1, 1, 1, 10, 10, 2, 3),
      // Weighted so that tickets are often called, started and finished at one counter.
      action: fc.constantFrom<Action>(
        ...(['call-next', 'start', 'finish'] as const).flatMap((a) => [a, a, a]),
        'recall',
        'no-show',
        'park',
      ),
      // An admin may act at any counter, even one nobody holds.
      byAdmin: fc.constantFrom(false, false, false, true),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      counterId,
      serviceId: fc.constantFrom(...SERVICES),
      toCounter: fc.option(counterId, { nil: null }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('return' as const, 'requeue' as const, 'cancel' as const),
      pick: fc.nat(20),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'pause' as const,
        'close' as const,
        'open' as const,
        'arrive' as const,
        'leave' as const,
      ),
      counterId,
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

/** Plays one command against the application, checking its outcome against the rules. */
function play(run: Run, cmd: Command, world: World): string | null {
  const { app, clock, clerks } = run;
  const clerk = (id: number) => clerks.get(id) as Actor;
  // A clerk operates only the counter they hold; nothing else is tried then.
  const notYours = (actor: Actor, id: number) =>
    actor.role === 'clerk' && world.counters.find((c) => c.id === id)?.staff_id !== actor.staffId;
  const atCounter = (actor: Actor, id: number, rules: { must: string[]; may: string[] }) =>
    notYours(actor, id) ? { must: ['not_your_counter'], may: [] } : rules;
  const pick = (status: string, n: number) => {
    const list = world.tickets.filter((t) => t.status === status);
    return list[n % list.length];
  };
  switch (cmd.kind) {
    case 'issue':
      return attempt(
        () => app.issuer.issueTicket({ serviceId: cmd.serviceId, priorityClass: cmd.priority }),
        [],
      );
    case 'act': {
      const actor = cmd.byAdmin ? ADMIN : clerk(cmd.counterId);
      const { must, may } = atCounter(
        actor,
        cmd.counterId,
        counterRefusals(world, cmd.counterId, cmd.action),
      );
      const refused = attempt(() => app.queue.act(cmd.counterId, cmd.action, actor), must, may);
      if (refused === null && cmd.action === 'call-next') {
        run.calls++;
        if (currentAt(world, cmd.counterId)?.status === 'serving') run.finishes++;
        expectRightChoice(run, world, cmd.counterId);
      }
      if (refused === null && cmd.action === 'finish') run.finishes++;
      return refused;
    }
    case 'transfer': {
      const { must, may } = atCounter(
        clerk(cmd.counterId),
        cmd.counterId,
        counterRefusals(world, cmd.counterId, 'transfer'),
      );
      const target = {
        serviceId: cmd.serviceId,
        ...(cmd.toCounter !== null && { counterId: cmd.toCounter }),
      };
      return attempt(
        () => app.queue.transfer(cmd.counterId, target, clerk(cmd.counterId)),
        must,
        may,
      );
    }
    case 'return':
    case 'requeue':
    case 'cancel': {
      const from = { return: 'parked', requeue: 'no_show', cancel: 'waiting' }[cmd.kind];
      const ticket = pick(from, cmd.pick);
      if (!ticket) return 'nothing to pick';
      const must = ticket.day === world.today ? [] : ['invalid_transition'];
      if (cmd.kind === 'return')
        return attempt(() => app.tickets.returnParked(ticket.id, ADMIN), must);
      if (cmd.kind === 'requeue') return attempt(() => app.tickets.requeue(ticket.id, ADMIN), must);
      return attempt(() => app.tickets.cancel(ticket.id, 'Công dân không chờ được', ADMIN), must);
    }
    case 'pause':
    case 'close':
    case 'open': {
      const to = ({ pause: 'paused', close: 'closed', open: 'open' } as const)[cmd.kind];
      const reason = to === 'paused' ? PAUSE_REASON : null;
      const { must } = atCounter(clerk(cmd.counterId), cmd.counterId, {
        must: statusRefusals(world, cmd.counterId, to, reason),
        may: [],
      });
      const actor = clerk(cmd.counterId);
      if (to === 'paused')
        return attempt(() => app.counters.pause(cmd.counterId, PAUSE_REASON, actor), must);
      if (to === 'closed') return attempt(() => app.counters.close(cmd.counterId, actor), must);
      return attempt(() => app.counters.open(cmd.counterId, actor), must);
    }
    case 'arrive':
      arrive(run, cmd.counterId);
      return null;
    case 'leave':
      return attempt(() => app.counters.signOut(cmd.counterId, clerk(cmd.counterId)), []);
    case 'wait':
      clock.advance(cmd.minutes * 60_000);
      // The server's one-minute timer ends a day that passed while nothing happened.
      if (today(clock.now()) !== world.today) app.dayEnd.rollOver();
      return null;
    case 'day-end':
      clock.advance(24 * 60 * 60_000);
      app.dayEnd.rollOver();
      for (const id of COUNTERS) arrive(run, id);
      return null;
  }
}

/** The ticket a successful call-next called is one the documented rules allow. */
function expectRightChoice(run: Run, before: World, counterId: number): void {
  const called = currentAt(worldOf(run), counterId);
  expect(called && choiceProblem(before, counterId, called.id)).toBeNull();
}

/** The invariants every state must keep, whatever the commands were. */
function checkInvariants(run: Run, before: World, after: World, refused: string | null): void {
  // Rows are never deleted; a refused command changes nothing.
  expect(after.tickets.length).toBeGreaterThanOrEqual(before.tickets.length);
  if (refused !== null) expect(after.tickets).toEqual(before.tickets);
  // Numbers: one ticket per number and day, and the day's sequence has no gap or repeat.
  const byDay = new Map<string, number[]>();
  for (const t of after.tickets) {
    const key = `${t.original_service_id}/${t.day}`;
    byDay.set(key, [...(byDay.get(key) ?? []), t.sequence]);
  }
  for (const [key, sequences] of byDay) {
    expect(`${key}: ${sequences.join(',')}`).toBe(
      `${key}: ${sequences.map((_, i) => i + 1).join(',')}`,
    );
  }
  const numbers = after.tickets.map((t) => `${t.original_service_id}/${t.day}/${t.number}`);
  expect(new Set(numbers).size).toBe(numbers.length);
  // Each ticket in exactly one consistent state; open tickets are today's.
  expect(after.tickets.map((t) => ticketProblem(t, after.today)).filter(Boolean)).toEqual([]);
  // A counter holds at most one ticket, and only while open; the counters' view agrees.
  for (const counter of after.counters) {
    const here = after.tickets.filter(
      (t) => t.counter_id === counter.id && (t.status === 'called' || t.status === 'serving'),
    );
    expect(here.length).toBeLessThanOrEqual(counter.status === 'open' ? 1 : 0);
    expect(run.app.reader.counter(counter.id).currentTicket?.id ?? null).toBe(here[0]?.id ?? null);
  }
  // Every finish shows as one done ticket.
  expect(after.tickets.filter((t) => t.status === 'done').length).toBe(run.finishes);
}

describe('the queue under random command sequences', () => {
  const totals = { runs: 0, calls: 0, finishes: 0 };

  test('follows the documented rules, keeps its invariants and makes progress', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 10, maxLength: 80, size: 'max' }), (commands) => {
        const run = startRun();
        try {
          const feed = new FeedCheck();
          feed.check(run, worldOf(run), null);
          for (const cmd of commands) {
            const before = worldOf(run);
            const refused = play(run, cmd, before);
            const after = worldOf(run);
            checkInvariants(run, before, after, refused);
            feed.check(run, after, refused);
          }
          expect(
            run.db.get<{ integrity_check: string }>('PRAGMA integrity_check')?.integrity_check,
          ).toBe('ok');
          totals.runs++;
          totals.calls += run.calls;
          totals.finishes += run.finishes;
        } finally {
          endRun(run);
        }
      }),
      { numRuns: RUNS },
    );
    // Progress: the runs really called and served people, not just refused everything.
    expect(totals.runs).toBe(RUNS);
    expect(totals.calls).toBeGreaterThan(100);
    expect(totals.finishes).toBeGreaterThan(12);
  }, 120_000);
});
