import { buildTestPageLayout, buildTicketLayout, type TicketLayout } from '../../../../printers';
import { DomainError } from '../../domain/errors';
import type { PrintFigures } from '../../storage/print-job-repo';
import type { Repos } from '../../storage/repos';
import type { QueueReader } from '../queue/queue-reader';
import type { SettingsService } from '../admin/settings-service';

/** What rendering a ticket needs. */
export interface TicketPrintDeps {
  repos: Repos;
  reader: QueueReader;
  settings: SettingsService;
  /** The centre's time zone now (read at each use). */
  timeZone: () => string;
  /** The base URL visitors' phones reach the server at, e.g. `http://192.168.1.10:8080`. */
  publicUrl(): string;
  /**
   * The logo printed at the top of every ticket when admins uploaded none
   * (LUOT_TICKET_LOGO, a PNG).
   */
  logoPng?: Uint8Array | undefined;
}

/** The uploaded logo's bytes, kept while its hash stays the stored one. */
interface CachedLogo {
  sha256: string;
  bytes: Uint8Array;
}

/**
 * Turns a stored ticket into the printers library's layout; the render thread
 * (escpos-thread.ts) encodes it to ESC/POS and draws the PNG and PDF.
 */
export class TicketPrint {
  private logo: CachedLogo | null = null;

  constructor(private readonly deps: TicketPrintDeps) {}

  /**
   * The logo tickets print: the one admins uploaded (`PUT /api/centre/logo`, PNG or JPEG;
   * the raster renderer decodes both), else LUOT_TICKET_LOGO, else none. Only the stored
   * hash is read per ticket; the bytes are read again when it changes.
   */
  ticketLogo(): Uint8Array | undefined {
    const { repos } = this.deps;
    const sha256 = repos.logo.sha256();
    if (sha256 === null) {
      this.logo = null;
      return this.deps.logoPng;
    }
    if (this.logo?.sha256 !== sha256) {
      const record = repos.logo.get();
      if (!record) return this.deps.logoPng;
      this.logo = { sha256: record.sha256, bytes: new Uint8Array(record.bytes) };
    }
    return this.logo.bytes;
  }

  /** A printer's test page: the centre's name and logo, the printer's name, the time `at`. */
  testPage(printerName: string, at: number): TicketLayout {
    return buildTestPageLayout({
      centreName: this.deps.settings.current().centreName,
      printerName,
      timeZone: this.deps.timeZone(),
      at: new Date(at),
      logoPng: this.ticketLogo(),
    });
  }

  /**
   * People ahead and the estimated wait as they stand now (the estimate only while the
   * ticket waits). A job freezes these when it is queued.
   */
  figuresNow(ticketId: number): PrintFigures {
    const ticket = this.deps.repos.tickets.get(ticketId);
    if (!ticket) throw new DomainError('ticket_not_found', `No ticket ${ticketId}`);
    const { ahead, estimatedWaitMinutes } = this.deps.reader.forecast(ticket);
    return {
      peopleAhead: ahead,
      estimatedWaitMinutes: ticket.status === 'waiting' ? estimatedWaitMinutes : null,
    };
  }

  /**
   * The ticket as printed: the centre's name and time zone, the service and the counters
   * that serve it, the priority label, people ahead and the estimate (`figures` frozen by
   * the job, else as they stand now) and the QR link.
   */
  layout(ticketId: number, figures?: PrintFigures | null): TicketLayout {
    const { repos, settings } = this.deps;
    const ticket = repos.tickets.get(ticketId);
    if (!ticket) throw new DomainError('ticket_not_found', `No ticket ${ticketId}`);
    const shown = figures ?? this.figuresNow(ticketId);
    const service = repos.services.get(ticket.serviceId);
    const current = settings.current();
    const counters = repos.counters
      .list()
      .filter((c) => c.active && c.services.some((s) => s.serviceId === ticket.serviceId))
      .map((c) => c.name);
    const priority = current.priorityClasses.find((c) => c.code === ticket.priorityClass);
    const base = this.deps.publicUrl().replace(/\/+$/, '');
    const logo = this.ticketLogo();
    return buildTicketLayout(
      {
        number: ticket.number,
        serviceName: service?.name ?? '',
        serviceNameEn: service?.nameEn,
        counters,
        priorityLabel:
          ticket.priorityClass === null ? null : (priority?.name ?? ticket.priorityClass),
        priorityLabelEn: priority?.nameEn ?? null,
        peopleAhead: shown.peopleAhead,
        estimatedWaitMinutes: shown.estimatedWaitMinutes,
        issuedAt: new Date(ticket.issuedAt),
        trackingUrl: `${base}/t/${ticket.trackingToken}`,
      },
      {
        centreName: current.centreName,
        centreAddress: current.centreAddress,
        timeZone: this.deps.timeZone(),
        english: current.ticketEnglish,
        thankYou: current.ticketThankYou,
        ...(logo && { logoPng: logo }),
      },
    );
  }
}
