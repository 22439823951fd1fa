import type { TicketPrintState, TrackResponse } from '../../contract/http';
import { DomainError } from '../../domain/errors';
import type { PrintJobRecord } from '../../storage/print-job-repo';
import type { Repos } from '../../storage/repos';
import type { SettingsService } from '../admin/settings-service';
import type { QueueReader } from './queue-reader';
import { toTrackedTicket } from './public-view';
import { toTicket } from './queue-views';

/** The visitor's view of their own ticket, opened from the QR code: read-only, no sign-in. */
export class TicketTracking {
  constructor(
    private readonly repos: Repos,
    private readonly reader: QueueReader,
    private readonly settings: SettingsService,
  ) {}

  /** What the QR code on a ticket opens: status, people ahead and the estimate, live. */
  track(token: string): TrackResponse {
    const { repos, reader, settings } = this;
    const ticket = repos.tickets.byToken(token);
    if (!ticket) throw new DomainError('ticket_not_found', 'No ticket for this token');
    const service = repos.services.get(ticket.serviceId);
    const counter =
      ticket.counterId !== null && (ticket.status === 'called' || ticket.status === 'serving')
        ? repos.counters.get(ticket.counterId)
        : undefined;
    // Recomputed at each read from the in-memory index: a few hundred steps at most.
    const { ahead, estimatedWaitMinutes } = reader.forecast(ticket);
    return {
      ticket: toTrackedTicket(toTicket(ticket)),
      service: { id: ticket.serviceId, name: service?.name ?? '', nameEn: service?.nameEn ?? '' },
      counter: counter ? { id: counter.id, number: counter.number, name: counter.name } : null,
      ahead,
      estimatedWaitMinutes,
      centreName: settings.current().centreName,
      timeZone: settings.centreInfo().timeZone,
      printState: printStateOf(repos.printJobs.latestOf(ticket.id)),
    };
  }
}

/** Where a ticket's newest print job stands, as its holder may know it. */
function printStateOf(job: PrintJobRecord | undefined): TicketPrintState | null {
  if (!job) return null;
  if (job.status === 'done') return 'printed';
  if (job.status === 'failed' || job.status === 'cancelled') return 'failed';
  // Queued again after a failed attempt: it may print later, but not while the visitor waits.
  return job.lastError !== null ? 'failed' : 'printing';
}
