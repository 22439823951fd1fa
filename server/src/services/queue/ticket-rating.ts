import { RateLimiter, type RateLimit } from '../../auth/rate-limiter';
import type { Rating } from '../../contract/entities';
import type { RateTicketRequest } from '../../contract/http';
import { DomainError } from '../../domain/errors';
import type { DeviceRecord } from '../../storage/device-repo';
import type { RatingRecord } from '../../storage/rating-repo';
import type { Repos } from '../../storage/repos';
import type { SettingsService } from '../admin/settings-service';
import type { Clock } from '../core/clock';
import type { CommandRunner } from '../core/command-runner';
import { iso } from './queue-views';

/** Ratings one address may send per minute (a counter screen sends one per visitor). */
export const RATING_RATE: RateLimit = { limit: 30, windowMs: 60 * 1000 };

/** Who sends a rating: a paired device, a signed-in staff member, both or neither. */
export interface RatingSender {
  device: Pick<DeviceRecord, 'id' | 'kind' | 'counterId'> | null;
  /** A settled staff session's staff id. */
  staffId: number | null;
  ip: string | null;
}

/** A rating as the API shows it. */
export function toRating(record: RatingRecord, ticketNumber: string): Rating {
  return {
    id: record.id,
    ticketId: record.ticketId,
    ticketNumber,
    serviceId: record.serviceId,
    counterId: record.counterId,
    staffId: record.staffId,
    level: record.level,
    reasons: record.reasons,
    comment: record.comment,
    ratedAt: iso(record.ratedAt) as string,
  };
}

/**
 * Visitors rate a finished ticket at the counter screen (đánh giá mức độ hài lòng): one
 * rating per ticket, within the centre's window after it was finished, stored with who
 * served it in the same transaction as its `ticket:rated` event (staff only).
 */
export class TicketRating {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly deps: {
      repos: Repos;
      runner: CommandRunner;
      settings: SettingsService;
      clock: Clock;
      rate?: RateLimit;
    },
  ) {
    this.limiter = new RateLimiter(deps.clock, deps.rate ?? RATING_RATE);
  }

  /**
   * Counts one rating request of an address, whatever becomes of it (a bad body, a refusal):
   * 429 `rate_limited` past `RATING_RATE`. The route's guard runs it before anything else.
   */
  admit(ip: string | null): void {
    if (!this.limiter.take(ip ?? '-')) {
      throw new DomainError('rate_limited', 'Too many ratings from this address');
    }
  }

  /**
   * Stores the rating of ticket `id` (the sender was `admit`ted). Refused: 404
   * `ticket_not_found`; 403 `forbidden` under
   * the `paired` policy unless sent by a paired counter screen of the ticket's counter;
   * 400 `validation_failed` for a level or reason the centre does not offer; 409
   * `rating_closed` when the centre does not ask for ratings or the window has passed;
   * 409 `invalid_transition` for a ticket not done; 409 `already_rated` for a second one.
   */
  rate(id: number, body: RateTicketRequest, sender: RatingSender, idempotencyKey?: string): Rating {
    const { repos, runner, settings } = this.deps;
    const who =
      sender.device !== null
        ? `device:${sender.device.id}`
        : sender.staffId !== null
          ? `staff:${sender.staffId}`
          : `ip:${sender.ip ?? '-'}`;
    const request = { id, ...body };
    return runner.run({ scope: `ticket:rate:${who}`, idempotencyKey, request }, (context) => {
      const ticket = repos.tickets.get(id);
      if (!ticket) throw new DomainError('ticket_not_found', `No ticket ${id}`);
      const centre = settings.current();
      if (centre.kioskPolicy === 'paired') {
        const device = sender.device;
        if (device?.kind !== 'counter' || device.counterId === null) {
          throw new DomainError('forbidden', 'Only a paired counter screen may rate');
        }
        if (device.counterId !== ticket.counterId) {
          throw new DomainError('forbidden', "Only the ticket's counter screen may rate it");
        }
      }
      const { level, reasons, comment } = checkedAnswer(body, centre.rating);
      if (!centre.rating.enabled) {
        throw new DomainError('rating_closed', 'This centre does not ask for ratings');
      }
      if (ticket.status !== 'done' || ticket.finishedAt === null || ticket.counterId === null) {
        throw new DomainError('invalid_transition', `Ticket ${ticket.number} is not finished`);
      }
      if (repos.ratings.byTicket(id)) {
        throw new DomainError('already_rated', `Ticket ${ticket.number} was already rated`);
      }
      if (context.at > ticket.finishedAt + centre.rating.windowMinutes * 60_000) {
        throw new DomainError('rating_closed', `Ticket ${ticket.number} can no longer be rated`);
      }
      const stored: Omit<RatingRecord, 'id'> = {
        ticketId: ticket.id,
        serviceId: ticket.serviceId,
        counterId: ticket.counterId,
        staffId: ticket.staffId,
        level,
        reasons,
        comment,
        ratedAt: context.at,
      };
      const ratingId = insertOnce(() => repos.ratings.insert(stored), ticket.number);
      const rating = toRating({ id: ratingId, ...stored }, ticket.number);
      context.emit('ticket:rated', { rating });
      return rating;
    }).value;
  }
}

/**
 * The answer checked against what the centre offers: a level among its levels, reasons
 * from its list (only for a low level, each once), and the comment NFC, trimmed, or null.
 */
function checkedAnswer(
  body: RateTicketRequest,
  offered: { levels: readonly { level: number }[]; lowThreshold: number; reasons: string[] },
): { level: number; reasons: string[]; comment: string | null } {
  if (!offered.levels.some((l) => l.level === body.level)) {
    throw new DomainError('validation_failed', `No rating level ${body.level}`);
  }
  const reasons = (body.reasons ?? []).map((r) => r.normalize('NFC'));
  const known = new Set(offered.reasons.map((r) => r.normalize('NFC')));
  const unknown = reasons.find((r) => !known.has(r));
  if (unknown !== undefined) {
    throw new DomainError('validation_failed', `Not one of the centre's reasons: ${unknown}`);
  }
  if (new Set(reasons).size !== reasons.length) {
    throw new DomainError('validation_failed', 'A reason is given twice');
  }
  if (reasons.length > 0 && body.level > offered.lowThreshold) {
    throw new DomainError('validation_failed', 'Reasons are asked for a low rating only');
  }
  const comment = body.comment?.normalize('NFC').trim() ?? '';
  return { level: body.level, reasons, comment: comment === '' ? null : comment };
}

/** Runs the insert; a second rating that slipped past the check meets `ticket_id UNIQUE`. */
function insertOnce(insert: () => number, number: string): number {
  try {
    return insert();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new DomainError('already_rated', `Ticket ${number} was already rated`);
    }
    throw error;
  }
}
