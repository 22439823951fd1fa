import type { AgentPrintJob, PrintJobResult } from '../../contract/printing';
import { DomainError } from '../../domain/errors';
import type { PrinterRecord } from '../../storage/printer-repo';
import type { AttemptOutcome } from './print-outcome';

/** How jobs reach print agents: Socket.IO in production (realtime/broadcaster.ts). */
export interface AgentChannel {
  /**
   * Sends the job to exactly one print agent of the kiosk, the one that connected last.
   * Answers that agent's connection id, or null when no agent of the kiosk is connected.
   */
  sendToAgent(deviceId: number, job: AgentPrintJob): string | null;
}

type AgentError = NonNullable<PrintJobResult['error']>;

interface AgentWait {
  deviceId: number;
  /** The agent connection the job went to: the only one whose answer counts. */
  connection: string;
  resolve(result: PrintJobResult): void;
}

/**
 * The print-agent path of the queue: sends a rendered job to one agent of the printer's
 * kiosk and waits for that agent's `print-job:result`. No agent, the agent going away
 * before it answers, no answer within `timeoutMs`, or the server stopping all end the
 * attempt as a transient failure, so the queue retries.
 */
export class AgentDispatch {
  private readonly waits = new Map<number, AgentWait>();

  constructor(
    private readonly channel: AgentChannel,
    private readonly timeoutMs: number,
  ) {}

  /** One attempt at one job on an `agent` printer; never throws. */
  async send(jobId: number, printer: PrinterRecord, bytes: Uint8Array): Promise<AttemptOutcome> {
    const deviceId = printer.deviceId;
    if (deviceId === null) {
      return { ok: false, transient: false, message: 'agent printer has no kiosk', state: null };
    }
    const payload = {
      jobId,
      printerId: printer.id,
      data: Buffer.from(bytes).toString('base64'),
    };
    // Sending and waiting happen in one turn, so no answer or hang-up can fall between.
    const connection = this.channel.sendToAgent(deviceId, payload);
    if (connection === null) return outcomeOf({ jobId, ok: false, error: absentError() });
    return outcomeOf(await this.wait(jobId, deviceId, connection));
  }

  /**
   * An agent's answer to a job: accepted only from the agent connection the job was sent
   * to, while the attempt still waits (`print_job_not_found` otherwise).
   */
  settle(deviceId: number, connection: string, result: PrintJobResult & { jobId: number }): void {
    const wait = this.waits.get(result.jobId);
    if (!wait || wait.deviceId !== deviceId || wait.connection !== connection) {
      throw new DomainError('print_job_not_found', `No job ${result.jobId} waits for this kiosk`);
    }
    this.waits.delete(result.jobId);
    wait.resolve(result);
  }

  /**
   * An agent connection closed: the attempts waiting for it end now as `agent_absent`
   * rather than at the timeout. A job it printed but could not report prints again.
   */
  disconnected(connection: string): void {
    for (const [jobId, wait] of [...this.waits]) {
      if (wait.connection === connection) this.end(jobId, goneError());
    }
  }

  /** Ends every wait (the server is stopping); the jobs go back to the queue. */
  stop(): void {
    for (const jobId of [...this.waits.keys()]) this.end(jobId, stoppedError());
  }

  private wait(jobId: number, deviceId: number, connection: string): Promise<PrintJobResult> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.end(jobId, timeoutError()), this.timeoutMs);
      timer.unref();
      this.waits.set(jobId, {
        deviceId,
        connection,
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result);
        },
      });
    });
  }

  private end(jobId: number, error: AgentError): void {
    const wait = this.waits.get(jobId);
    this.waits.delete(jobId);
    wait?.resolve({ jobId, ok: false, error });
  }
}

function outcomeOf(answer: PrintJobResult): AttemptOutcome {
  if (answer.ok) return { ok: true, state: answer.state ?? 'online', detail: null };
  const error = answer.error ?? { code: 'io_error', message: 'agent failed', transient: true };
  return {
    ok: false,
    transient: error.transient,
    message: `${error.code}: ${error.message}`,
    state: answer.state ?? (error.code === 'agent_absent' ? 'unreachable' : null),
  };
}

const timeoutError = (): AgentError => ({
  code: 'agent_timeout',
  message: 'the print agent did not answer in time',
  transient: true,
});
const absentError = (): AgentError => ({
  code: 'agent_absent',
  message: 'no print agent of this kiosk is connected',
  transient: true,
});
const goneError = (): AgentError => ({
  code: 'agent_absent',
  message: 'the print agent disconnected before answering',
  transient: true,
});
const stoppedError = (): AgentError => ({
  code: 'stopped',
  message: 'server stopping',
  transient: true,
});
