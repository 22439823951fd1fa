import { TICKET_STATUSES, type TicketStatus } from '../../../server/src/contract/entities';
import { DomainError } from '../../../server/src/domain/errors';
import type { TicketRecord } from '../../../server/src/domain/ticket';
import {
  applyTicketCommand,
  canApply,
  type TicketCommand,
} from '../../../server/src/domain/transitions';

const ISSUED = Date.UTC(2026, 10, 27, 2, 0, 0);
const CALLED = Date.UTC(2026, 10, 27, 2, 10, 0);
const NOW = Date.UTC(2026, 10, 27, 2, 15, 30);

const COMMANDS: readonly TicketCommand[] = [
  { kind: 'call', counterId: 3, staffId: 11 },
  { kind: 'recall' },
  { kind: 'start' },
  { kind: 'finish' },
  { kind: 'no-show' },
  { kind: 'park' },
  { kind: 'unpark' },
  { kind: 'transfer', serviceId: 7, targetCounterId: null, note: 'Cần nộp thuế', toFront: true },
  { kind: 'requeue' },
  { kind: 'cancel', reason: 'Công dân không muốn chờ' },
  { kind: 'expire' },
];

/** The allowed moves of a ticket, written out here rather than read from the code under test. */
const ALLOWED: ReadonlySet<string> = new Set([
  'waiting/call',
  'called/recall',
  'called/start',
  'called/no-show',
  'serving/finish',
  'parked/call',
  'called/park',
  'serving/park',
  'parked/unpark',
  'called/transfer',
  'serving/transfer',
  'no_show/requeue',
  'waiting/cancel',
  'called/cancel',
  'parked/cancel',
  'waiting/expire',
  'called/expire',
  'serving/expire',
  'parked/expire',
]);

/** A ticket in `status` with the fields that status implies. */
function ticketIn(status: TicketStatus): TicketRecord {
  const atCounter = status !== 'waiting' && status !== 'expired' && status !== 'cancelled';
  return {
    id: 41,
    serviceId: 1,
    day: '2026-11-27',
    sequence: 15,
    number: 'A015',
    priorityClass: null,
    status,
    counterId: atCounter ? 3 : null,
    staffId: atCounter ? 11 : null,
    issuedAt: ISSUED,
    calledAt: atCounter ? CALLED : null,
    servingAt: status === 'serving' || status === 'done' ? CALLED + 60_000 : null,
    finishedAt: status === 'done' || status === 'no_show' ? CALLED + 120_000 : null,
    recallCount: atCounter ? 1 : 0,
    trackingToken: 'tracking-token-41',
    front: false,
    targetCounterId: null,
    originalServiceId: 1,
    transferCount: 0,
    note: null,
    closeReason: null,
    parkedAt: null,
    targetWaitMinutes: null,
    estimateMinutes: null,
  };
}

const pairs = TICKET_STATUSES.flatMap((status) =>
  COMMANDS.map((command) => ({ status, command, name: `${status}/${command.kind}` })),
);
const allowedPairs = pairs.filter((pair) => ALLOWED.has(pair.name));
const refusedPairs = pairs.filter((pair) => !ALLOWED.has(pair.name));

describe('canApply()', () => {
  test.each(pairs.map((pair) => [pair.name, pair] as const))(
    'answers for %s as the ticket life allows',
    (name, { status, command }) => {
      // Act
      const allowed = canApply(status, command.kind);

      // Assert
      expect(allowed).toBe(ALLOWED.has(name));
    },
  );
});

describe('applyTicketCommand()', () => {
  test('covers every status and command pair', () => {
    // Assert
    expect(allowedPairs).toHaveLength(ALLOWED.size);
    expect(refusedPairs).toHaveLength(TICKET_STATUSES.length * COMMANDS.length - ALLOWED.size);
  });

  test('calls a waiting ticket to the counter and clerk at the given instant', () => {
    // Arrange
    const ticket = ticketIn('waiting');

    // Act
    const called = applyTicketCommand(ticket, { kind: 'call', counterId: 7, staffId: 12 }, NOW);

    // Assert
    expect(called).toEqual({
      ...ticket,
      status: 'called',
      counterId: 7,
      staffId: 12,
      calledAt: NOW,
      front: false,
      targetCounterId: null,
    });
  });

  test('calls a waiting ticket from a counter without a signed-in clerk', () => {
    // Arrange
    const ticket = ticketIn('waiting');

    // Act
    const called = applyTicketCommand(ticket, { kind: 'call', counterId: 2, staffId: null }, NOW);

    // Assert
    expect(called).toMatchObject({ status: 'called', counterId: 2, staffId: null });
  });

  test('recalls a called ticket by counting one more recall and changing nothing else', () => {
    // Arrange
    const ticket = ticketIn('called');

    // Act
    const recalled = applyTicketCommand(ticket, { kind: 'recall' }, NOW);

    // Assert
    expect(recalled).toEqual({ ...ticket, recallCount: ticket.recallCount + 1 });
  });

  test('starts serving a called ticket at the given instant', () => {
    // Arrange
    const ticket = ticketIn('called');

    // Act
    const serving = applyTicketCommand(ticket, { kind: 'start' }, NOW);

    // Assert
    expect(serving).toEqual({ ...ticket, status: 'serving', servingAt: NOW });
  });

  test('finishes a ticket being served at the given instant', () => {
    // Arrange
    const ticket = ticketIn('serving');

    // Act
    const done = applyTicketCommand(ticket, { kind: 'finish' }, NOW);

    // Assert
    expect(done).toEqual({ ...ticket, status: 'done', finishedAt: NOW });
  });

  test('marks a called ticket no-show at the given instant', () => {
    // Arrange
    const ticket = ticketIn('called');

    // Act
    const gone = applyTicketCommand(ticket, { kind: 'no-show' }, NOW);

    // Assert
    expect(gone).toEqual({ ...ticket, status: 'no_show', finishedAt: NOW });
  });

  test.each(allowedPairs.map((pair) => [pair.name, pair] as const))(
    'leaves the input record untouched on %s',
    (_name, { status, command }) => {
      // Arrange
      const ticket = Object.freeze(ticketIn(status));
      const before = structuredClone(ticket);

      // Act
      const result = applyTicketCommand(ticket, command, NOW);

      // Assert
      expect(result).not.toBe(ticket);
      expect(ticket).toEqual(before);
    },
  );

  test.each(refusedPairs.map((pair) => [pair.name, pair] as const))(
    'refuses %s with invalid_transition',
    (_name, { status, command }) => {
      // Arrange
      const ticket = ticketIn(status);
      const before = structuredClone(ticket);

      // Act
      const act = () => applyTicketCommand(ticket, command, NOW);

      // Assert
      expect(act).toThrow(DomainError);
      expect(act).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
      expect(ticket).toEqual(before);
    },
  );

  test('refuses a recall past the limit with recall_limit_reached', () => {
    // Arrange
    const ticket = { ...ticketIn('called'), recallCount: 3 };

    // Act
    const act = () => applyTicketCommand(ticket, { kind: 'recall', limit: 3 }, NOW);

    // Assert
    expect(act).toThrow(expect.objectContaining({ code: 'recall_limit_reached' }));
  });

  test('allows a recall below the limit', () => {
    // Arrange
    const ticket = { ...ticketIn('called'), recallCount: 2 };

    // Act
    const recalled = applyTicketCommand(ticket, { kind: 'recall', limit: 3 }, NOW);

    // Assert
    expect(recalled.recallCount).toBe(3);
  });

  test('calls a parked ticket again with its recalls and old service start cleared', () => {
    // Arrange
    const parked = { ...ticketIn('parked'), recallCount: 3, servingAt: CALLED + 60_000 };

    // Act
    const called = applyTicketCommand(parked, { kind: 'call', counterId: 4, staffId: 12 }, NOW);

    // Assert
    expect(called).toMatchObject({
      status: 'called',
      recallCount: 0,
      servingAt: null,
      calledAt: NOW,
    });
  });

  test('parks a called ticket and brings it back to the front of the queue', () => {
    // Arrange
    const parked = applyTicketCommand(ticketIn('called'), { kind: 'park' }, NOW);

    // Act
    const back = applyTicketCommand(parked, { kind: 'unpark' }, NOW + 60_000);

    // Assert
    expect(parked).toMatchObject({ status: 'parked', parkedAt: NOW });
    expect(back).toMatchObject({ status: 'waiting', front: true, counterId: null, calledAt: null });
  });

  test('transfers a ticket to another service keeping its number and issue time', () => {
    // Arrange
    const ticket = ticketIn('serving');

    // Act
    const moved = applyTicketCommand(
      ticket,
      { kind: 'transfer', serviceId: 7, targetCounterId: 10, note: 'Nộp thuế', toFront: true },
      NOW,
    );

    // Assert
    expect(moved).toMatchObject({
      status: 'waiting',
      serviceId: 7,
      number: 'A015',
      issuedAt: ISSUED,
      originalServiceId: 1,
      targetCounterId: 10,
      front: true,
      transferCount: 1,
      note: 'Nộp thuế',
      counterId: null,
      servingAt: null,
    });
  });

  test('requeues a no-show as a waiting ticket with its recalls reset', () => {
    // Act
    const back = applyTicketCommand(ticketIn('no_show'), { kind: 'requeue' }, NOW);

    // Assert
    expect(back).toMatchObject({
      status: 'waiting',
      recallCount: 0,
      counterId: null,
      finishedAt: null,
    });
  });

  test('cancels with the reason and expires at the given instant', () => {
    // Act
    const cancelled = applyTicketCommand(
      ticketIn('waiting'),
      { kind: 'cancel', reason: 'Nhầm lĩnh vực' },
      NOW,
    );
    const expired = applyTicketCommand(ticketIn('waiting'), { kind: 'expire' }, NOW);

    // Assert
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      closeReason: 'Nhầm lĩnh vực',
      finishedAt: NOW,
    });
    expect(expired).toMatchObject({ status: 'expired', finishedAt: NOW });
  });

  test('names the command, the ticket number and its status when refusing', () => {
    // Arrange
    const ticket = ticketIn('done');

    // Act
    const act = () => applyTicketCommand(ticket, { kind: 'start' }, NOW);

    // Assert
    expect(act).toThrow(/start.*A015.*done/);
  });
});
