import type { Ticket } from '../../server/src/contract';
import type { ApiClient, ApiResponse } from '../support/api-client';
import {
  act,
  addClerk,
  currentSeq,
  errorOf,
  expectStatus,
  issue,
  SERVICE,
  ticketById,
  useQueueFixture,
} from '../support/queue-helpers';

const { DKKD, DDTN, THUE } = SERVICE;
/** Counter 1 serves DKKD (tier 1) and THUE (tier 2); counter 3 serves DDTN and XDCP. */
const LAN_COUNTER = 1;
const MINH_COUNTER = 3;

type State = 'waiting' | 'called' | 'serving' | 'parked' | 'no_show';

/** One ticket action, as someone tries it on the ticket `t`. */
interface Case {
  name: string;
  state: State;
  /** Where the clerk from the other counter tries it (their own counter unless it targets counter 1). */
  try: (client: ApiClient, t: Ticket) => Promise<ApiResponse>;
}

const atLan =
  (action: string, body: object = {}) =>
  (client: ApiClient) =>
    client.post(`/api/counters/${LAN_COUNTER}/${action}`, body);

const CASES: Case[] = [
  { name: 'call-next', state: 'waiting', try: atLan('call-next') },
  { name: 'recall', state: 'called', try: atLan('recall') },
  { name: 'start', state: 'called', try: atLan('start') },
  { name: 'finish', state: 'serving', try: atLan('finish') },
  { name: 'no-show', state: 'called', try: atLan('no-show') },
  { name: 'park', state: 'serving', try: atLan('park') },
  { name: 'transfer', state: 'called', try: atLan('transfer', { serviceId: THUE }) },
  {
    name: 'call by id (parked at counter 1)',
    state: 'parked',
    try: (c, t) => c.post(`/api/counters/${MINH_COUNTER}/call`, { ticketId: t.id }),
  },
  {
    name: 'call by number (waiting for a service counter 3 does not serve)',
    state: 'waiting',
    try: (c, t) => c.post(`/api/counters/${MINH_COUNTER}/call`, { number: t.number }),
  },
  { name: 'return', state: 'parked', try: (c, t) => c.post(`/api/tickets/${t.id}/return`) },
  { name: 'requeue', state: 'no_show', try: (c, t) => c.post(`/api/tickets/${t.id}/requeue`) },
  {
    name: 'cancel (called at counter 1)',
    state: 'called',
    try: (c, t) => c.post(`/api/tickets/${t.id}/cancel`, { reason: 'x' }),
  },
  {
    name: 'cancel (waiting for a service counter 3 does not serve)',
    state: 'waiting',
    try: (c, t) => c.post(`/api/tickets/${t.id}/cancel`, { reason: 'x' }),
  },
];

describe('who may act on a ticket', () => {
  const { f } = useQueueFixture();
  let lan: ApiClient;
  let minh: ApiClient;

  beforeEach(async () => {
    lan = await addClerk(f.server, 'lan');
    minh = await addClerk(f.server, 'minh');
    expectStatus(await lan.post(`/api/counters/${LAN_COUNTER}/sign-in`), 200);
    expectStatus(await minh.post(`/api/counters/${MINH_COUNTER}/sign-in`), 200);
  });

  /** A DKKD ticket brought to `state` by Lan at counter 1. */
  async function ticketIn(state: State): Promise<Ticket> {
    const { ticket } = await issue(f.anonymous, DKKD);
    if (state === 'waiting') return ticket;
    await act(lan, LAN_COUNTER, 'call-next');
    if (state === 'serving' || state === 'parked') await act(lan, LAN_COUNTER, 'start');
    if (state === 'parked') await act(lan, LAN_COUNTER, 'park');
    if (state === 'no_show') await act(lan, LAN_COUNTER, 'no-show');
    return ticketById(f.anonymous, ticket.id);
  }

  describe.each(CASES)('$name', ({ state, try: attempt }) => {
    test('a clerk at another counter is refused with 403 not_your_counter and nothing changes', async () => {
      // Arrange
      const ticket = await ticketIn(state);
      const seq = await currentSeq(f.anonymous);

      // Act
      const response = await attempt(minh, ticket);

      // Assert
      expect(errorOf(response, 403).code).toBe('not_your_counter');
      expect(await ticketById(f.anonymous, ticket.id)).toEqual(ticket);
      expect(await currentSeq(f.anonymous)).toBe(seq);
    });

    test('a supervisor may do it', async () => {
      // Arrange
      const supervisor = await addClerk(f.server, 'thu', 'supervisor');
      const ticket = await ticketIn(state);

      // Act
      const response = await attempt(supervisor, ticket);

      // Assert
      expectStatus(response, 200);
      expect(await ticketById(f.anonymous, ticket.id)).not.toEqual(ticket);
    });
  });

  test('the clerk at the counter holding a ticket may return, re-queue and cancel it', async () => {
    // Arrange
    const parked = await ticketIn('parked');
    const noShow = await ticketIn('no_show');
    const called = await ticketIn('called');

    // Act
    const returned = await lan.post(`/api/tickets/${parked.id}/return`);
    const cancelled = await lan.post(`/api/tickets/${called.id}/cancel`, { reason: 'Về sớm' });
    const requeued = await lan.post(`/api/tickets/${noShow.id}/requeue`);

    // Assert
    expect(expectStatus(returned, 200)).toMatchObject({ ticket: { status: 'waiting' } });
    expect(expectStatus(cancelled, 200)).toMatchObject({ ticket: { status: 'cancelled' } });
    expect(expectStatus(requeued, 200)).toMatchObject({ ticket: { status: 'waiting' } });
  });

  test('a clerk may call and cancel waiting tickets of the services their counter serves', async () => {
    // Arrange
    const land = (await issue(f.anonymous, DDTN)).ticket;
    const tax = (await issue(f.anonymous, THUE)).ticket;

    // Act
    const cancelled = await minh.post(`/api/tickets/${land.id}/cancel`, { reason: 'Nhầm' });
    const called = await lan.post(`/api/counters/${LAN_COUNTER}/call`, { number: tax.number });

    // Assert
    expect(expectStatus(cancelled, 200)).toMatchObject({ ticket: { status: 'cancelled' } });
    expect(expectStatus(called, 200)).toMatchObject({
      ticket: { status: 'called', counterId: LAN_COUNTER },
    });
  });

  test('a ticket sent by name to another counter belongs to that counter only', async () => {
    // Arrange: Lan sends her caller to counter 2, which also serves DKKD.
    const ticket = await ticketIn('called');
    await act(lan, LAN_COUNTER, 'transfer', { counterId: 2 });
    const seq = await currentSeq(f.anonymous);

    // Act
    const called = await lan.post(`/api/counters/${LAN_COUNTER}/call`, { ticketId: ticket.id });
    const cancelled = await lan.post(`/api/tickets/${ticket.id}/cancel`, { reason: 'x' });

    // Assert: the message does not tell Lan, who holds her counter, that she has not taken it.
    expect(errorOf(called, 403)).toEqual({
      code: 'not_your_counter',
      message: 'Bạn không được thao tác trên quầy hoặc số thứ tự này.',
    });
    expect(errorOf(cancelled, 403).code).toBe('not_your_counter');
    expect(await currentSeq(f.anonymous)).toBe(seq);
  });

  test('a clerk who holds no counter may act on no ticket', async () => {
    // Arrange
    const hoa = await addClerk(f.server, 'hoa');
    const { ticket } = await issue(f.anonymous, DKKD);

    // Act
    const response = await hoa.post(`/api/tickets/${ticket.id}/cancel`, { reason: 'x' });

    // Assert
    expect(errorOf(response, 403).code).toBe('not_your_counter');
    expect((await ticketById(f.anonymous, ticket.id)).status).toBe('waiting');
  });
});
