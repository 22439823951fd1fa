import {
  buildTicketLayout,
  encodeTicket,
  renderPdf,
  renderPng,
  type EscPosOptions,
  type TicketLayout,
} from '../../../printers';
import type { PrinterOptionsInput } from '../contract/printing';
import { DomainError } from '../domain/errors';
import type { Repos } from '../storage/repos';
import type { QueueReader } from './queue-reader';
import type { SettingsService } from './settings-service';

/** What rendering a ticket needs. */
export interface TicketPrintDeps {
  repos: Repos;
  reader: QueueReader;
  settings: SettingsService;
  timeZone: string;
  /** The base URL visitors' phones reach the server at, e.g. `http://192.168.1.10:8080`. */
  publicUrl(): string;
}

/** Turns a stored ticket into the printers library's layout, and that into bytes, PDF or PNG. */
export class TicketPrint {
  constructor(private readonly deps: TicketPrintDeps) {}

  /**
   * The ticket as printed now: the centre's name and time zone, the service and the
   * counters that serve it, the priority label, people ahead, the estimate and the QR link.
   */
  layout(ticketId: number): TicketLayout {
    const { repos, reader, settings } = this.deps;
    const ticket = repos.tickets.get(ticketId);
    if (!ticket) throw new DomainError('ticket_not_found', `No ticket ${ticketId}`);
    const service = repos.services.get(ticket.serviceId);
    const current = settings.current();
    const counters = repos.counters
      .list()
      .filter((c) => c.active && c.services.some((s) => s.serviceId === ticket.serviceId))
      .map((c) => c.name);
    const ahead = reader.ahead(ticket);
    const priority = current.priorityClasses.find((c) => c.code === ticket.priorityClass);
    const base = this.deps.publicUrl().replace(/\/+$/, '');
    return buildTicketLayout(
      {
        number: ticket.number,
        serviceName: service?.name ?? '',
        counters,
        priorityLabel:
          ticket.priorityClass === null ? null : (priority?.name ?? ticket.priorityClass),
        peopleAhead: ahead,
        estimatedWaitMinutes:
          ticket.status === 'waiting' ? reader.estimate(ticket.serviceId, ahead) : null,
        issuedAt: new Date(ticket.issuedAt),
        trackingUrl: `${base}/t/${ticket.trackingToken}`,
      },
      { centreName: current.centreName, timeZone: this.deps.timeZone },
    );
  }

  /** The complete ESC/POS job for a printer with these options. */
  escPos(ticketId: number, options: PrinterOptionsInput): Uint8Array {
    return encodeTicket(this.layout(ticketId), options as Partial<EscPosOptions>);
  }

  pdf(ticketId: number): Promise<Buffer> {
    return renderPdf(this.layout(ticketId));
  }

  png(ticketId: number): Buffer {
    return renderPng(this.layout(ticketId), { width: 576 });
  }
}
