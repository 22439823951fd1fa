import { io, type Socket } from 'socket.io-client';
import {
  CLIENT_EVENTS,
  SERVER_EVENTS,
  type Ack,
  type ClientEvents,
  type ServerEvents,
} from '../../server/src/contract/events';
import {
  PRINT_AGENT_ROLE,
  type AgentPrintJob,
  type PrintAgentAuth,
  type PrintJobResult,
} from '../../server/src/contract/printing';
import { PrinterError } from '../errors';
import { Printer } from '../printer';
import { openTransport } from '../transport/open-transport';
import { failedResult, printedResult, statusResult } from './outcome';

/** Where the agent writes what it does; `console` fits, pino fits. */
export interface AgentLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** How to start a print agent. */
export interface PrintAgentOptions {
  /** The Luot server, e.g. `http://192.168.1.10:8080`. */
  server: string;
  /** The kiosk's device token (from pairing). */
  token: string;
  /** The local printer: `file:/dev/usb/lp0`, `tcp://HOST[:PORT]`, `serial:PATH?baud=N`. */
  target: string;
  /** How often to report the printer's state; 0 turns reports off (default 30 s). */
  statusIntervalMs?: number;
  logger?: AgentLogger;
  /** Printer timeouts (defaults: status 1.5 s, connect 3 s, write 10 s). */
  statusTimeoutMs?: number;
  connectTimeoutMs?: number;
  writeTimeoutMs?: number;
  /** How long to wait for the server's ack of a result (default 5 s). */
  ackTimeoutMs?: number;
  /** Socket.IO reconnection delays (defaults 1 s, growing to 10 s). */
  reconnectDelayMs?: number;
  reconnectDelayMaxMs?: number;
  /** Called when the server refuses the token; the agent keeps trying unless stopped. */
  onRefused?: (reason: string) => void;
}

/** A running agent. */
export interface PrintAgent {
  /** True while the socket is connected to the server. */
  connected(): boolean;
  /** Disconnects, waits for the job in flight, closes the printer. */
  stop(): Promise<void>;
}

type AgentSocket = Socket<ServerEvents, ClientEvents>;

const SILENT: AgentLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * Connects to the server as a paired kiosk's print agent
 * (`auth: { deviceToken, role: 'print-agent' }`), prints every
 * `print:job` on the local printer, one at a time, and answers each with
 * `print-job:result`; reports the printer's state on connect and every
 * `statusIntervalMs`. Throws `PrinterError('invalid_target')` for a bad target.
 */
export function startPrintAgent(options: PrintAgentOptions): PrintAgent {
  const logger = options.logger ?? SILENT;
  const printer = new Printer(
    openTransport(options.target, {
      connectTimeoutMs: options.connectTimeoutMs ?? 3000,
      writeTimeoutMs: options.writeTimeoutMs ?? 10_000,
    }),
    { statusTimeoutMs: options.statusTimeoutMs ?? 1500 },
  );
  const ackTimeoutMs = options.ackTimeoutMs ?? 5000;
  const socket: AgentSocket = io(options.server, {
    auth: { deviceToken: options.token, role: PRINT_AGENT_ROLE } satisfies PrintAgentAuth,
    forceNew: true,
    reconnection: true,
    reconnectionDelay: options.reconnectDelayMs ?? 1000,
    reconnectionDelayMax: options.reconnectDelayMaxMs ?? 10_000,
  });
  let stopped = false;
  let tail: Promise<void> = Promise.resolve();
  let retryTimer: NodeJS.Timeout | undefined;
  let noPrinterWarned = false;

  /** Runs one task after the previous one (jobs and status checks never overlap). */
  const enqueue = (task: () => Promise<void>): void => {
    tail = tail
      .then(task)
      .catch((err: unknown) => logger.error(`agent task failed: ${String(err)}`));
  };

  const report = (result: PrintJobResult): Promise<void> =>
    new Promise((resolve) => {
      if (stopped) return resolve();
      socket
        .timeout(ackTimeoutMs)
        .emit(CLIENT_EVENTS.printJobResult, result, (err: Error | null, ack: Ack<{ ok: true }>) => {
          if (err) logger.warn(`no ack for print-job:result (${err.message})`);
          else if ('error' in ack) {
            if (result.jobId !== null) {
              logger.warn(`server refused the result of job ${result.jobId}: ${ack.error.code}`);
            } else if (!noPrinterWarned) {
              noPrinterWarned = true;
              logger.warn(`server refused the status report: ${ack.error.code}`);
            }
          }
          resolve();
        });
    });

  const printJob = async (job: AgentPrintJob): Promise<void> => {
    if (stopped) return;
    const bytes = Buffer.from(job.data, 'base64');
    let result: PrintJobResult;
    try {
      if (bytes.length === 0) throw new PrinterError('invalid_option', 'empty print job');
      const printed = await printer.print(bytes, { name: `job-${job.jobId}` });
      result = printedResult(job.jobId, printed);
      logger.info(`job ${job.jobId}: printed (${bytes.length} bytes, ${result.state})`);
    } catch (error) {
      result = failedResult(job.jobId, error);
      logger.warn(`job ${job.jobId}: ${result.error?.code}: ${result.error?.message}`);
    }
    await report(result);
  };

  const checkStatus = async (): Promise<void> => {
    if (stopped || !socket.connected) return;
    let result: PrintJobResult;
    try {
      result = statusResult(await printer.status());
    } catch (error) {
      result = failedResult(null, error);
    }
    await report(result);
  };

  socket.on(SERVER_EVENTS.printJob, (job) => {
    if (typeof job?.jobId !== 'number' || typeof job.data !== 'string') {
      logger.warn('ignored a malformed print:job');
      return;
    }
    enqueue(() => printJob(job));
  });
  socket.on('connect', () => {
    logger.info(`connected to ${options.server}`);
    enqueue(checkStatus);
  });
  socket.on('disconnect', (reason) => {
    if (stopped) return;
    logger.warn(`disconnected (${reason})`);
    // The server hung up on purpose (e.g. the device was revoked): try again later ourselves.
    if (reason === 'io server disconnect') retryLater();
  });
  socket.on('connect_error', (err) => {
    if (stopped) return;
    if (socket.active) {
      logger.warn(`cannot reach ${options.server} (${err.message}); retrying`);
      return;
    }
    // A middleware refusal: the token is unknown or revoked. Socket.IO does not retry those.
    logger.error(`server refused the device token (${err.message})`);
    options.onRefused?.(err.message);
    retryLater();
  });

  function retryLater(): void {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (!stopped) socket.connect();
    }, options.reconnectDelayMaxMs ?? 10_000);
    retryTimer.unref();
  }

  const interval = options.statusIntervalMs ?? 30_000;
  const statusTimer = interval > 0 ? setInterval(() => enqueue(checkStatus), interval) : undefined;
  statusTimer?.unref();

  return {
    connected: () => socket.connected,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (statusTimer) clearInterval(statusTimer);
      if (retryTimer) clearTimeout(retryTimer);
      socket.disconnect();
      socket.removeAllListeners();
      await tail;
      await printer.close().catch(() => undefined);
    },
  };
}
