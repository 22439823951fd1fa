import { io } from 'socket.io-client';
import {
  PRINT_AGENT_ROLE,
  type AgentTokenResponse,
  type PrintJob,
} from '../../../server/src/contract';
import { startPrintAgent, type PrintAgent } from '../../../printers/agent/agent';
import { ApiClient } from '../../support/api-client';
import { eventually } from '../../support/eventually';
import { startFakePrinter, type FakePrinter } from '../../support/fake-printer';
import type { TestServer } from '../../support/test-server';
import { pairDevice } from '../security/support';
import { issueAsKiosk, startWithAgentPrinter } from './support';

/** `GS v 0`: the start of every raster band. */
const RASTER_START = Buffer.of(0x1d, 0x76, 0x30);

jest.setTimeout(15_000);

describe('the print agent on a kiosk PC', () => {
  let server: TestServer;
  let admin: ApiClient;
  let kiosk: { id: number; token: string };
  let printer: FakePrinter | undefined;
  let agent: PrintAgent | undefined;
  const logs: string[] = [];
  const logger = {
    info: (m: string) => logs.push(`info ${m}`),
    warn: (m: string) => logs.push(`warn ${m}`),
    error: (m: string) => logs.push(`error ${m}`),
  };

  beforeEach(async () => {
    logs.length = 0;
    ({ server, admin, kiosk } = await startWithAgentPrinter({
      maxAttempts: 2,
      retryBaseMs: 10,
      retryMaxMs: 40,
      statusTimeoutMs: 100,
      connectTimeoutMs: 300,
      writeTimeoutMs: 500,
      agentTimeoutMs: 1000,
    }));
  });

  afterEach(async () => {
    await agent?.stop();
    agent = undefined;
    await server.stop();
    await printer?.close();
    printer = undefined;
  });

  async function runAgent(mode: 'ok' | 'paper-end', token = kiosk.token): Promise<FakePrinter> {
    printer = await startFakePrinter(mode);
    agent = startPrintAgent({
      server: server.url,
      token,
      target: `tcp://127.0.0.1:${printer.port}`,
      statusIntervalMs: 0,
      statusTimeoutMs: 100,
      connectTimeoutMs: 300,
      writeTimeoutMs: 500,
      ackTimeoutMs: 1000,
      reconnectDelayMs: 50,
      reconnectDelayMaxMs: 200,
      logger,
    });
    return printer;
  }

  async function jobOf(ticketId: number): Promise<PrintJob | undefined> {
    const response = await admin.get<PrintJob[]>('/api/print-jobs');
    return response.body.find((job) => job.ticketId === ticketId);
  }

  function settled(ticketId: number): Promise<PrintJob> {
    return eventually(
      async () => {
        const job = await jobOf(ticketId);
        return job && ['done', 'failed', 'cancelled'].includes(job.status) && job;
      },
      { what: `the job of ticket ${ticketId} to settle`, explain: () => logs.join('\n') },
    );
  }

  /** A print-agent token for the kiosk, issued by the admin. */
  async function agentToken(): Promise<string> {
    const issued = await admin.post<AgentTokenResponse>(`/api/devices/${kiosk.id}/agent-token`);
    expect(issued.status).toBe(201);
    expect(issued.body.device.id).toBe(kiosk.id);
    return issued.body.token;
  }

  /** Whether a socket with this token (as a print agent, or not) is let in. */
  async function admitted(token: string, asAgent: boolean): Promise<boolean> {
    const socket = io(server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: asAgent ? { deviceToken: token, role: PRINT_AGENT_ROLE } : { deviceToken: token },
    });
    try {
      return await new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
      });
    } finally {
      socket.close();
    }
  }

  test('an agent token from the admin prints the kiosk page’s tickets and opens nothing else', async () => {
    // Arrange: the page keeps its own token; the agent gets one of its own.
    const token = await agentToken();
    const device = await runAgent('ok', token);
    await eventually(() => agent?.connected() === true, {
      what: 'the agent to connect',
      explain: () => logs.join('\n'),
    });

    // Act
    const ticketId = await issueAsKiosk(server, kiosk.token);
    const overHttp = await new ApiClient(server.url).request('GET', '/api/devices/me', {
      headers: { authorization: `Device ${token}` },
    });

    // Assert
    expect(await settled(ticketId)).toMatchObject({ status: 'done', attempts: 1 });
    expect(device.received().includes(RASTER_START)).toBe(true);
    expect(overHttp.status).toBe(401);
    expect(await admitted(token, false)).toBe(false);
    expect(await admitted(token, true)).toBe(true);
  });

  test('a new agent token shuts the old one out; revoking the kiosk shuts out every token', async () => {
    // Arrange
    const first = await agentToken();
    await runAgent('ok', first);
    await eventually(() => agent?.connected() === true, {
      what: 'the agent to connect',
      explain: () => logs.join('\n'),
    });

    // Act: a second token replaces the first.
    const second = await agentToken();

    // Assert: the agent on the first token is dropped and not let back in.
    await eventually(() => agent?.connected() === false, {
      what: 'the old agent to be disconnected',
      explain: () => logs.join('\n'),
    });
    expect(await admitted(first, true)).toBe(false);
    expect(await admitted(second, true)).toBe(true);
    expect((await admin.request('DELETE', `/api/devices/${kiosk.id}`)).status).toBe(204);
    expect(await admitted(second, true)).toBe(false);
    expect(await admitted(kiosk.token, false)).toBe(false);
  });

  test('only an admin issues agent tokens, and only for a paired kiosk', async () => {
    // Arrange
    const display = await pairDevice(server, admin, 'display', 'Màn hình sảnh');

    // Act
    const anonymous = await new ApiClient(server.url).post(`/api/devices/${kiosk.id}/agent-token`);
    const forDisplay = await admin.post(`/api/devices/${display.id}/agent-token`);
    const unknown = await admin.post('/api/devices/9999/agent-token');

    // Assert
    expect(anonymous.status).toBe(401);
    expect(forDisplay.status).toBe(400);
    expect(unknown.status).toBe(404);
  });

  test('prints a kiosk ticket on the local printer and the job becomes done', async () => {
    const device = await runAgent('ok');
    await eventually(() => agent?.connected() === true, {
      what: 'the agent to connect',
      explain: () => logs.join('\n'),
    });
    const ticketId = await issueAsKiosk(server, kiosk.token);
    expect(await settled(ticketId)).toMatchObject({ status: 'done', attempts: 1 });
    expect(device.received().includes(RASTER_START)).toBe(true);
    expect(logs.some((line) => line.includes('printed'))).toBe(true);
  });

  test('a printer out of paper: nothing printed, the job is not done, paper_end reported', async () => {
    const device = await runAgent('paper-end');
    await eventually(() => agent?.connected() === true, {
      what: 'the agent to connect',
      explain: () => logs.join('\n'),
    });
    const ticketId = await issueAsKiosk(server, kiosk.token);
    const job = await settled(ticketId);
    expect(job.status).toBe('failed');
    expect(job.lastError).toContain('paper_end');
    expect(device.received().length).toBe(0);
    const status = await admin.get<{ state: string }>(`/api/printers/${job.printerId}/status`);
    expect(status.body).toMatchObject({ state: 'paper_end' });
  });

  test('a wrong token cannot connect and receives no jobs', async () => {
    let refused = '';
    printer = await startFakePrinter('ok');
    agent = startPrintAgent({
      server: server.url,
      token: 'not-a-real-device-token',
      target: `tcp://127.0.0.1:${printer.port}`,
      statusIntervalMs: 0,
      reconnectDelayMs: 50,
      reconnectDelayMaxMs: 200,
      logger,
      onRefused: (reason) => {
        refused = reason;
      },
    });
    await eventually(() => refused !== '', {
      what: 'the token to be refused',
      explain: () => logs.join('\n'),
    });
    expect(refused).toBe('unauthenticated');
    expect(agent.connected()).toBe(false);
    const ticketId = await issueAsKiosk(server, kiosk.token);
    const job = await settled(ticketId);
    expect(job.status).toBe('failed');
    expect(job.lastError).toContain('agent_absent');
    expect(printer.received().length).toBe(0);
  });
});
