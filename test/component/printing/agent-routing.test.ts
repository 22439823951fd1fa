import { io, type Socket } from 'socket.io-client';
import type { AgentPrintJob, PrintJob, StateSnapshot } from '../../../server/src/contract';
import { startPrintAgent, type PrintAgent } from '../../../printers/agent/agent';
import { ApiClient } from '../../support/api-client';
import { eventually } from '../../support/eventually';
import { startFakePrinter, type FakePrinter } from '../../support/fake-printer';
import type { TestServer } from '../../support/test-server';
import { openSocket, pairDevice, sessionCookie } from '../security/support';
import { issueAsKiosk, startWithAgentPrinter } from './support';

/** `GS V B 0`: the partial cut that ends every ticket. */
const CUT = Buffer.of(0x1d, 0x56, 0x42, 0x00);

/** Tickets a fake printer received (ASCII mode, so no picture bytes look like a cut). */
function ticketsOn(printer: FakePrinter): number {
  const bytes = printer.received();
  let count = 0;
  for (let i = bytes.indexOf(CUT); i >= 0; i = bytes.indexOf(CUT, i + CUT.length)) count++;
  return count;
}

jest.setTimeout(20_000);

/**
 * Which socket of a kiosk gets its print jobs: only a socket that connected with
 * `role: 'print-agent'`, and only the newest of them; and what happens when it goes away.
 * The agent timeout is far longer than any test here, so a job left waiting for an
 * answer that cannot come would hang the test.
 */
describe('routing print jobs to one agent of the kiosk', () => {
  let server: TestServer;
  let admin: ApiClient;
  let kiosk: { id: number; token: string };
  const printers: FakePrinter[] = [];
  const agents: PrintAgent[] = [];
  const sockets: Socket[] = [];

  beforeEach(async () => {
    ({ server, admin, kiosk } = await startWithAgentPrinter(
      {
        maxAttempts: 3,
        retryBaseMs: 10,
        retryMaxMs: 40,
        statusTimeoutMs: 100,
        connectTimeoutMs: 300,
        writeTimeoutMs: 500,
        agentTimeoutMs: 60_000,
      },
      { options: { mode: 'ascii' } },
    ));
  });

  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.close());
    await Promise.all(agents.splice(0).map((agent) => agent.stop()));
    await server.stop();
    await Promise.all(printers.splice(0).map((printer) => printer.close()));
  });

  /** A real print agent with a fake network printer of its own, connected. */
  async function runAgent(): Promise<{ agent: PrintAgent; printer: FakePrinter }> {
    const printer = await startFakePrinter('ok');
    printers.push(printer);
    const agent = startPrintAgent({
      server: server.url,
      token: kiosk.token,
      target: `tcp://127.0.0.1:${printer.port}`,
      statusIntervalMs: 0,
      statusTimeoutMs: 100,
      connectTimeoutMs: 300,
      writeTimeoutMs: 500,
      reconnectDelayMs: 50,
      reconnectDelayMaxMs: 200,
    });
    agents.push(agent);
    await eventually(() => agent.connected(), { what: 'the agent to connect' });
    return { agent, printer };
  }

  /** A socket opened as the kiosk's page would: the device token, no role. */
  async function openPage(): Promise<{ socket: Socket; jobs: AgentPrintJob[] }> {
    const socket = io(server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { deviceToken: kiosk.token },
    });
    sockets.push(socket);
    const jobs: AgentPrintJob[] = [];
    socket.on('print:job', (job: AgentPrintJob) => jobs.push(job));
    await new Promise<StateSnapshot>((resolve) => socket.once('queue:snapshot', resolve));
    return { socket, jobs };
  }

  function settled(ticketId: number): Promise<PrintJob> {
    return eventually(
      async () => {
        const jobs = (await admin.get<PrintJob[]>('/api/print-jobs')).body;
        const job = jobs.find((j) => j.ticketId === ticketId);
        return job && ['done', 'failed', 'cancelled'].includes(job.status) && job;
      },
      { what: `the job of ticket ${ticketId} to settle` },
    );
  }

  test('two agents started with one token: each job prints once, on the newest', async () => {
    // Arrange
    const older = await runAgent();
    const newer = await runAgent();

    // Act
    const tickets = [
      await issueAsKiosk(server, kiosk.token),
      await issueAsKiosk(server, kiosk.token),
      await issueAsKiosk(server, kiosk.token),
    ];

    // Assert
    for (const ticketId of tickets) {
      expect(await settled(ticketId)).toMatchObject({ status: 'done', attempts: 1 });
    }
    expect(ticketsOn(newer.printer)).toBe(3);
    expect(ticketsOn(older.printer)).toBe(0);

    // Once the newest agent stops, the other one takes over.
    await newer.agent.stop();
    const next = await issueAsKiosk(server, kiosk.token);
    expect(await settled(next)).toMatchObject({ status: 'done', attempts: 1 });
    expect(ticketsOn(older.printer)).toBe(1);
    expect(ticketsOn(newer.printer)).toBe(3);
  });

  test("the kiosk's page never gets a job, connected after the agent or alone", async () => {
    // Arrange: the agent first, then the page (the newest socket of the kiosk).
    const { printer } = await runAgent();
    const page = await openPage();

    // Act / Assert: the agent prints.
    const first = await issueAsKiosk(server, kiosk.token);
    expect(await settled(first)).toMatchObject({ status: 'done' });
    expect(ticketsOn(printer)).toBe(1);

    // With only the page left, the job fails at once instead of waiting for an answer.
    await Promise.all(agents.splice(0).map((agent) => agent.stop()));
    const started = Date.now();
    const second = await issueAsKiosk(server, kiosk.token);
    const job = await settled(second);
    expect(job.status).toBe('failed');
    expect(job.lastError).toContain('agent_absent');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(page.jobs).toEqual([]);
  });

  test('an agent that drops mid-job: the attempt ends at once and the retry prints', async () => {
    // Arrange: a real agent, then a bare socket.io-client agent (now the newest) that
    // hangs up as soon as it receives a job; staff watch the job's updates.
    const steady = await runAgent();
    const dropper = io(server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { deviceToken: kiosk.token, role: 'print-agent' },
    });
    sockets.push(dropper);
    const dropped: AgentPrintJob[] = [];
    dropper.on('print:job', (job: AgentPrintJob) => {
      dropped.push(job);
      dropper.disconnect();
    });
    await new Promise((resolve) => dropper.once('connect', () => resolve(undefined)));
    const adminId = server.server.application.repos.staff.byUsername(server.adminUsername)!.id;
    const staff = await openSocket(server.url, { cookie: sessionCookie(server, adminId) });
    sockets.push(staff);
    const updates: PrintJob[] = [];
    staff.on('print-job:updated', (job: PrintJob) => updates.push(job));

    // Act
    const started = Date.now();
    const ticketId = await issueAsKiosk(server, kiosk.token);
    const job = await settled(ticketId);

    // Assert: the first attempt ended as agent_absent, the retry printed on the other agent.
    expect(dropped.map((j) => j.jobId)).toEqual([job.id]);
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(ticketsOn(steady.printer)).toBe(1);
    const requeued = updates.find((u) => u.status === 'queued' && u.attempts === 1);
    expect(requeued?.lastError).toContain('agent_absent');
  });

  test('a print-job:result from the page is refused', async () => {
    const page = await openPage();
    const ack: unknown = await page.socket
      .timeout(2000)
      .emitWithAck('print-job:result', { jobId: null, ok: true, state: 'online' });
    expect(ack).toMatchObject({ error: { code: 'forbidden' } });
  });

  test.each([
    ['a display token', 'display'],
    ['no token', null],
  ] as const)('the print-agent role with %s is refused', async (_label, kind) => {
    const token = kind === null ? undefined : (await pairDevice(server, admin, kind)).token;
    const socket = io(server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { ...(token !== undefined && { deviceToken: token }), role: 'print-agent' },
    });
    sockets.push(socket);
    const error = await new Promise<Error & { data?: { code?: string } }>((resolve) =>
      socket.once('connect_error', resolve),
    );
    expect(error.data?.code).toBe('kiosk_not_paired');
  });
});
