import fs from 'node:fs';
import type { IssueTicketResponse, TicketResponse } from '../../../server/src/contract/http';
import type { Counter, Service } from '../../../server/src/contract/entities';
import {
  ManualClock,
  startTestServer,
  tempDataDir,
  type TestServer,
} from '../../support/test-server';

/** 09:00 on 27 November 2026 in Hồ Chí Minh City (UTC+7). */
const MORNING = Date.UTC(2026, 10, 27, 2, 0, 0);
/** 23:59:59 the same local day. */
const LAST_SECOND = Date.UTC(2026, 10, 27, 16, 59, 59);
/** Midnight local: the next service day begins. */
const MIDNIGHT = Date.UTC(2026, 10, 27, 17, 0, 0);

async function json<T>(response: Response, status: number): Promise<T> {
  const body = (await response.json()) as T;
  if (response.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${response.status}: ${JSON.stringify(body)}`);
  }
  return body;
}

async function serviceIdOfPrefix(server: TestServer, prefix: string): Promise<number> {
  const services = await json<Service[]>(await fetch(`${server.url}/api/services`), 200);
  const service = services.find((s) => s.prefix === prefix);
  if (!service) throw new Error(`no service with prefix ${prefix}`);
  return service.id;
}

async function issue(server: TestServer, serviceId: number): Promise<IssueTicketResponse> {
  const response = await fetch(`${server.url}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId }),
  });
  return json<IssueTicketResponse>(response, 201);
}

async function ticket(server: TestServer, id: number): Promise<TicketResponse> {
  return json<TicketResponse>(await fetch(`${server.url}/api/tickets/${id}`), 200);
}

/**
 * Signs the admin in, has them take the counter with the given number (numbers are called
 * only to a counter someone holds) and calls the next ticket there.
 */
async function callNextAt(server: TestServer, counterNumber: number): Promise<TicketResponse> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: server.adminUsername, password: server.adminPassword }),
  });
  await json<unknown>(login, 200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const counters = await json<Counter[]>(await fetch(`${server.url}/api/counters`), 200);
  const counter = counters.find((c) => c.number === counterNumber);
  if (!counter) throw new Error(`no counter ${counterNumber}`);
  const signIn = await fetch(`${server.url}/api/counters/${counter.id}/sign-in`, {
    method: 'POST',
    headers: { cookie },
  });
  await json<unknown>(signIn, 200);
  const call = await fetch(`${server.url}/api/counters/${counter.id}/call-next`, {
    method: 'POST',
    headers: { cookie },
  });
  return json<TicketResponse>(call, 200);
}

describe('a server restarted on the same data folder', () => {
  let dataDir: string;
  let clock: ManualClock;
  let running: TestServer | undefined;

  beforeEach(() => {
    dataDir = tempDataDir();
    clock = new ManualClock(MORNING);
  });

  afterEach(async () => {
    await running?.stop();
    running = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function restart(): Promise<TestServer> {
    await running?.stop();
    running = await startTestServer({ clock, dataDir });
    return running;
  }

  test('still has the tickets it issued before the restart', async () => {
    // Arrange
    let server = await restart();
    const serviceId = await serviceIdOfPrefix(server, 'A');
    const first = await issue(server, serviceId);
    clock.advance(60_000);
    const second = await issue(server, serviceId);

    // Act
    server = await restart();
    const reread = [await ticket(server, first.ticket.id), await ticket(server, second.ticket.id)];

    // Assert
    expect(reread).toEqual([{ ticket: first.ticket }, { ticket: second.ticket }]);
    expect(reread.map((r) => r.ticket.number)).toEqual(['A001', 'A002']);
  });

  test("continues the day's numbering after the restart", async () => {
    // Arrange
    let server = await restart();
    const serviceId = await serviceIdOfPrefix(server, 'A');
    await issue(server, serviceId);
    await issue(server, serviceId);

    // Act
    server = await restart();
    const next = await issue(server, serviceId);

    // Assert
    expect(next.ticket).toMatchObject({ number: 'A003', day: '2026-11-27' });
  });

  test('keeps numbering the same day until the last second before local midnight', async () => {
    // Arrange
    let server = await restart();
    const serviceId = await serviceIdOfPrefix(server, 'A');
    await issue(server, serviceId);
    await issue(server, serviceId);
    clock.set(LAST_SECOND);

    // Act
    server = await restart();
    const late = await issue(server, serviceId);

    // Assert
    expect(late.ticket).toMatchObject({ number: 'A003', day: '2026-11-27' });
  });

  test('restarts numbering at A001 on the next service day', async () => {
    // Arrange
    let server = await restart();
    const serviceId = await serviceIdOfPrefix(server, 'A');
    const yesterday = [await issue(server, serviceId), await issue(server, serviceId)];
    clock.set(MIDNIGHT);

    // Act
    server = await restart();
    const today = [await issue(server, serviceId), await issue(server, serviceId)];

    // Assert
    expect(today.map((r) => [r.ticket.number, r.ticket.day])).toEqual([
      ['A001', '2026-11-28'],
      ['A002', '2026-11-28'],
    ]);
    const reread = await ticket(server, yesterday[1]!.ticket.id);
    expect(reread.ticket).toMatchObject({ number: 'A002', day: '2026-11-27' });
  });

  test('restarts numbering at midnight without a restart of the server', async () => {
    // Arrange
    const server = await restart();
    const serviceId = await serviceIdOfPrefix(server, 'A');
    await issue(server, serviceId);
    clock.set(LAST_SECOND);
    const beforeMidnight = await issue(server, serviceId);
    clock.set(MIDNIGHT);

    // Act
    const afterMidnight = await issue(server, serviceId);

    // Assert
    expect(beforeMidnight.ticket).toMatchObject({ number: 'A002', day: '2026-11-27' });
    expect(afterMidnight.ticket).toMatchObject({ number: 'A001', day: '2026-11-28' });
  });

  test('numbers each service on its own across a restart', async () => {
    // Arrange
    let server = await restart();
    const a = await serviceIdOfPrefix(server, 'A');
    const b = await serviceIdOfPrefix(server, 'B');
    await issue(server, a);
    await issue(server, a);
    await issue(server, b);

    // Act
    server = await restart();
    const numbers = [
      (await issue(server, b)).ticket.number,
      (await issue(server, a)).ticket.number,
    ];

    // Assert
    expect(numbers).toEqual(['B002', 'A003']);
  });

  test("calls today's A001, not the A001 still waiting from yesterday", async () => {
    // Arrange
    let server = await restart();
    const serviceId = await serviceIdOfPrefix(server, 'A');
    await issue(server, serviceId);
    clock.set(MIDNIGHT + 8 * 60 * 60_000);
    server = await restart();
    const today = await issue(server, serviceId);

    // Act
    const called = await callNextAt(server, 1);

    // Assert
    expect(today.ticket).toMatchObject({ number: 'A001', day: '2026-11-28' });
    expect(called.ticket).toMatchObject({ id: today.ticket.id, number: 'A001', day: '2026-11-28' });
  });
});
