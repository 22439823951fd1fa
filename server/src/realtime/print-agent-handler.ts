import type { Socket } from 'socket.io';
import { CLIENT_EVENTS, type Ack, type ClientEvents, type ServerEvents } from '../contract/events';
import { errorMessageKey, translate } from '../contract/i18n';
import { printJobResultSchema } from '../contract/printing';
import { DomainError } from '../domain/errors';
import type { PrintService } from '../services/printing/print-service';
import type { Logger } from 'pino';
import { socketIdentity } from './socket-auth';

/**
 * `print-job:result`: a kiosk's print agent reports a job's outcome or its printer's state.
 * Only a socket that connected as a paired kiosk's print agent may, and only for jobs
 * sent to that very socket. When a print agent's socket closes, the jobs it has not
 * answered are retried at once.
 */
export function registerPrintAgentHandler(
  socket: Socket<ClientEvents, ServerEvents>,
  deps: { printing: PrintService; logger: Logger },
): void {
  if (socketIdentity(socket).printAgent) {
    socket.on('disconnect', () => deps.printing.agentDisconnected(socket.id));
  }
  socket.on(CLIENT_EVENTS.printJobResult, (request: unknown, ack: unknown) => {
    const reply =
      typeof ack === 'function' ? (ack as (result: Ack<{ ok: true }>) => void) : () => undefined;
    try {
      const { device, printAgent } = socketIdentity(socket);
      if (device?.kind !== 'kiosk') {
        throw new DomainError('kiosk_not_paired', 'Only a paired kiosk reports print jobs');
      }
      if (!printAgent) throw new DomainError('forbidden', 'Only a print agent reports print jobs');
      const parsed = printJobResultSchema.safeParse(request);
      if (!parsed.success) throw new DomainError('validation_failed', 'Bad print-job:result');
      deps.printing.agentResult(device.id, socket.id, parsed.data);
      reply({ data: { ok: true } });
    } catch (error) {
      const code = error instanceof DomainError ? error.code : 'internal_error';
      if (code === 'internal_error') deps.logger.error({ err: error }, 'print-job:result failed');
      reply({ error: { code, message: translate('vi', errorMessageKey(code)) } });
    }
  });
}
