import { randomUUID } from 'node:crypto';
import type { IssueTicketResponse, Service, TicketResponse } from '../../server/src/contract';
import type { ApiClient } from '../support/api-client';
import { addClerk, useQueueFixture } from '../support/queue-helpers';

const DKKD = 1;

describe('requests arriving at the same instant', () => {
  const { f } = useQueueFixture();

  /** A clerk signed in over HTTP and seated at `counter`. */
  async function clerkAt(counter: number): Promise<ApiClient> {
    const client = await addClerk(f.server, `clerk${counter}`);
    await client.post(`/api/counters/${counter}/sign-in`);
    return client;
  }

  test('two clerks pressing next for the last waiting ticket: one gets it, the other hears queue_empty', async () => {
    const [first, second] = await Promise.all([clerkAt(1), clerkAt(2)]);
    const { ticket } = await f.anonymous.issue(DKKD);

    const answers = await Promise.all([
      first.post<TicketResponse>('/api/counters/1/call-next'),
      second.post<TicketResponse>('/api/counters/2/call-next'),
    ]);

    expect(answers.map((a) => a.status).sort()).toEqual([200, 404]);
    expect(answers.find((a) => a.status === 200)?.body.ticket.id).toBe(ticket.id);
  });

  test('many counters pressing next at once never call one ticket twice', async () => {
    const clerks = await Promise.all([1, 2, 10].map(clerkAt));
    for (let i = 0; i < 6; i++) await f.anonymous.issue(DKKD);

    const answers = await Promise.all(
      clerks.flatMap((clerk, index) =>
        [0, 1, 2].map(async () => {
          const counter = [1, 2, 10][index] as number;
          const called = await clerk.post<TicketResponse>(`/api/counters/${counter}/call-next`);
          if (called.status === 200) await clerk.post(`/api/counters/${counter}/start`);
          return called;
        }),
      ),
    );

    const calledIds = answers.filter((a) => a.status === 200).map((a) => a.body.ticket.id);
    expect(new Set(calledIds).size).toBe(calledIds.length);
    expect(answers.every((a) => [200, 404, 409].includes(a.status))).toBe(true);
  });

  test('a double tap at the kiosk with one Idempotency-Key makes one ticket', async () => {
    const headers = { 'Idempotency-Key': randomUUID() };

    const answers = await Promise.all([
      f.anonymous.post<IssueTicketResponse>('/api/tickets', { serviceId: DKKD }, headers),
      f.anonymous.post<IssueTicketResponse>('/api/tickets', { serviceId: DKKD }, headers),
    ]);

    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(answers[0]?.body.ticket.id).toBe(answers[1]?.body.ticket.id);
    const services = await f.anonymous.get<Service[]>('/api/services');
    expect(services.body[0]?.waiting).toBe(1);
  });
});
