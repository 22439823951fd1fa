import type { IssueTicketResponse, Service, TrackResponse } from '../../server/src/contract';
import type { ApiClient } from '../support/api-client';
import {
  addClerk,
  callInTurn,
  expectStatus,
  issue,
  MINUTE,
  patchSettings,
  SERVICE,
  useQueueFixture,
} from '../support/queue-helpers';

const { DKKD, THUE } = SERVICE;
/** Counter 1 serves DKKD at tier 1 and THUE at tier 2; Lan is the only clerk at work. */
const COUNTER = 1;

describe('people ahead follow the order of the calls', () => {
  const { f } = useQueueFixture();
  let lan: ApiClient;

  beforeEach(async () => {
    lan = await addClerk(f.server, 'lan');
    expectStatus(await lan.post(`/api/counters/${COUNTER}/sign-in`), 200);
  });

  /** Issues tickets a minute apart: `p` is a priority (elderly) ticket, `n` a normal one. */
  async function issueAll(serviceId: number, kinds: string): Promise<IssueTicketResponse[]> {
    const issued: IssueTicketResponse[] = [];
    for (const kind of kinds) {
      issued.push(await issue(f.anonymous, serviceId, kind === 'p' ? 'elderly' : undefined));
      f.clock.advance(MINUTE);
    }
    return issued;
  }

  /** Each ticket's number with the people ahead its tracking page shows now. */
  async function aheadOf(tickets: IssueTicketResponse[]): Promise<Map<string, number>> {
    const ahead = new Map<string, number>();
    for (const { ticket, trackingToken } of tickets) {
      const tracked = expectStatus(
        await f.anonymous.get<TrackResponse>(`/api/track/${trackingToken}`),
        200,
      );
      ahead.set(ticket.number, tracked.ahead);
    }
    return ahead;
  }

  /** The numbers as the counter calls them, with how many calls came before each. */
  async function callsBefore(count: number): Promise<Map<string, number>> {
    const order = await callInTurn(lan, COUNTER, count);
    return new Map(order.map((number, index) => [number, index]));
  }

  test('under interleave, every ticket has as many ahead as calls come before it', async () => {
    // Arrange: one normal call already made, so the counter's streak is 1 of 2.
    await patchSettings(f.admin, { priorityPolicy: { mode: 'interleave', every: 2 } });
    await issueAll(DKKD, 'n');
    await callInTurn(lan, COUNTER, 1);
    const tickets = await issueAll(DKKD, 'nppnnpnn');

    // Act
    const ahead = await aheadOf(tickets);
    const called = await callsBefore(tickets.length);

    // Assert
    expect(ahead).toEqual(called);
    expect([...called.keys()]).toEqual([
      'A002',
      'A003',
      'A005',
      'A006',
      'A004',
      'A008',
      'A009',
      'A007',
    ]);
  });

  test("counts the counter's other tiers and the overdue tickets it calls first", async () => {
    // Arrange: two tax tickets wait past their target, then more of both services arrive.
    const early = await issueAll(THUE, 'np');
    f.clock.advance(30 * MINUTE);
    const business = await issueAll(DKKD, 'npn');
    const tax = await issueAll(THUE, 'n');
    const tickets = [...early, ...business, ...tax];

    // Act
    const ahead = await aheadOf(tickets);
    const called = await callsBefore(tickets.length);

    // Assert
    expect(ahead).toEqual(called);
    expect([...called.keys()]).toEqual(['G002', 'A002', 'G001', 'A001', 'A003', 'G003']);
  });

  test("the kiosk's menu promises the estimate the next ticket is printed with", async () => {
    // Arrange: three business tickets wait; tax is counter 1's second tier.
    await issueAll(DKKD, 'nnn');

    // Act
    const menu = expectStatus(await f.anonymous.get<Service[]>('/api/services'), 200);
    const [tax] = await issueAll(THUE, 'n');

    // Assert
    expect(tax?.ahead).toBe(3);
    expect(menu.find((s) => s.id === THUE)).toMatchObject({
      waiting: 0,
      estimatedWaitMinutes: tax?.estimatedWaitMinutes,
    });
    expect(tax?.estimatedWaitMinutes).toBeGreaterThan(0);
  });

  test('shows the figures the counter reaches at issue time on the kiosk', async () => {
    // Arrange
    await patchSettings(f.admin, { priorityPolicy: { mode: 'interleave', every: 1 } });
    await issueAll(DKKD, 'nnp');

    // Act: a tax ticket waits behind every business one at counter 1.
    const [tax] = await issueAll(THUE, 'n');
    const called = await callsBefore(4);

    // Assert
    expect(tax?.ahead).toBe(3);
    expect(called.get(tax?.ticket.number ?? '')).toBe(3);
  });
});
