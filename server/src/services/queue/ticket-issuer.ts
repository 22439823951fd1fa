import { randomBytes } from 'node:crypto';
import type { PriorityClass } from '../../contract/entities';
import type { IssueTicketResponse } from '../../contract/http';
import { DomainError } from '../../domain/errors';
import { formatTicketNumber, nextTicketNumber } from '../../domain/numbering';
import { serviceDay } from '../../domain/service-day';
import type { Repos } from '../../storage/repos';
import type {
  CommandContext,
  CommandOptions,
  CommandResult,
  CommandRunner,
} from '../core/command-runner';
import type { DayEnd } from './day-end';
import type { QueueReader } from './queue-reader';
import type { SettingsService } from '../admin/settings-service';
import { toPublicTicket } from './public-view';
import { toTicket } from './queue-views';

/** What a kiosk asks for: a service, and a priority class when the visitor has one. */
type IssueInput = { serviceId: number; priorityClass?: PriorityClass | null | undefined };

/** Makes the unguessable token a visitor's QR code carries. */
export type TokenFactory = () => string;

/** A tracking token's random bytes (128 bits). */
const TOKEN_BYTES = 16;
/**
 * Tokens' bytes drawn from the CSPRNG 256 tokens at a time, as Node's own `randomUUID`
 * does: one draw per ticket cost 2 % of the issue path's CPU. Each byte is used once.
 */
const TOKEN_POOL_BYTES = TOKEN_BYTES * 256;
let tokenPool = Buffer.alloc(0);
let tokenPoolAt = 0;

/** 128 random bits, URL-safe. */
export const randomToken: TokenFactory = () => {
  if (tokenPoolAt + TOKEN_BYTES > tokenPool.length) {
    tokenPool = randomBytes(TOKEN_POOL_BYTES);
    tokenPoolAt = 0;
  }
  const token = tokenPool.toString('base64url', tokenPoolAt, tokenPoolAt + TOKEN_BYTES);
  tokenPoolAt += TOKEN_BYTES;
  return token;
};

/** What issuing tickets is built from. */
export interface IssuerDeps {
  repos: Repos;
  reader: QueueReader;
  runner: CommandRunner;
  settings: SettingsService;
  dayEnd: DayEnd;
  /** The centre's time zone now (read at each use). */
  timeZone: () => string;
  newToken?: TokenFactory | undefined;
  /** Queues the printed ticket inside the issue transaction and prints after the commit. */
  printing?: {
    enqueueIssued(
      ticketId: number,
      kioskId: number | null,
      figures: { peopleAhead: number; estimatedWaitMinutes: number | null },
      at: number,
    ): unknown;
    kick(): void;
  };
}

/** The kiosk's use case: a numbered ticket, refused outside hours, after the cut-off or past the cap. */
export class TicketIssuer {
  private readonly newToken: TokenFactory;

  constructor(private readonly deps: IssuerDeps) {
    this.newToken = deps.newToken ?? randomToken;
  }

  /**
   * Issues a ticket; it is committed before this returns. The print job for the issuing
   * kiosk (`kioskId`, null for unpaired ones) commits with it; printing starts afterwards
   * and never delays or fails the issue.
   */
  issueTicket(
    input: IssueInput,
    idempotencyKey?: string,
    kioskId: number | null = null,
  ): CommandResult<IssueTicketResponse> {
    const { options, body } = this.command(input, idempotencyKey, kioskId);
    const result = this.deps.runner.run(options, body);
    if (!result.replayed) this.deps.printing?.kick();
    return result;
  }

  /**
   * The same, committed together with the other commands that arrive in this event-loop
   * turn (group commit, `CommandRunner.runGrouped`): the kiosks' HTTP path, where many
   * issues at once share one fsync. Settles once the ticket is committed.
   */
  async issueTicketGrouped(
    input: IssueInput,
    idempotencyKey: string | undefined,
    kioskId: number | null,
  ): Promise<CommandResult<IssueTicketResponse>> {
    const { options, body } = this.command(input, idempotencyKey, kioskId);
    const result = await this.deps.runner.runGrouped(options, body);
    if (!result.replayed) this.deps.printing?.kick();
    return result;
  }

  private command(
    input: IssueInput,
    idempotencyKey: string | undefined,
    kioskId: number | null,
  ): {
    options: CommandOptions;
    body: (context: CommandContext) => IssueTicketResponse;
  } {
    const { repos, reader, settings } = this.deps;
    const request = { serviceId: input.serviceId, priorityClass: input.priorityClass ?? null };
    const options = { scope: 'ticket:issue', idempotencyKey, request };
    const body = (context: CommandContext): IssueTicketResponse => {
      this.deps.dayEnd.expireEarlierDays(context);
      const service = repos.services.get(request.serviceId);
      if (!service || !service.active) {
        throw new DomainError('service_not_found', `No service ${request.serviceId}`);
      }
      const classes = settings.current().priorityClasses;
      if (
        request.priorityClass !== null &&
        !classes.some((c) => c.code === request.priorityClass)
      ) {
        throw new DomainError(
          'validation_failed',
          `Unknown priority class ${request.priorityClass}`,
        );
      }
      const refusal = reader.unavailable(service, context.at);
      if (refusal) throw new DomainError(refusal, `${service.code} does not issue now: ${refusal}`);
      const day = serviceDay(context.at, this.deps.timeZone());
      const sequence = repos.tickets.allocateSequence(service.id, day);
      // The cap check counts today's tickets; the range is checked on the number itself too.
      // A range changed mid-day never hands out a number already issued today.
      const n = nextTicketNumber(
        service.numberRange,
        sequence,
        repos.tickets.highestNumber(service.id, day, service.prefix),
        (candidate) =>
          repos.tickets.numberTaken(day, formatTicketNumber(service.prefix, candidate)),
      );
      if (n === null) {
        throw new DomainError('daily_cap_reached', `${service.code} has used its number range`);
      }
      // Counted before the insert, as the newest ticket of its list, so the estimate the
      // kiosk shows is stored with the ticket in the one insert.
      const { ahead, estimatedWaitMinutes } = reader.forecastNew(
        service.id,
        request.priorityClass,
        context.at,
      );
      const ticket = repos.tickets.insert({
        serviceId: service.id,
        day,
        sequence,
        number: formatTicketNumber(service.prefix, n),
        priorityClass: request.priorityClass,
        status: 'waiting',
        counterId: null,
        staffId: null,
        issuedAt: context.at,
        calledAt: null,
        servingAt: null,
        finishedAt: null,
        recallCount: 0,
        trackingToken: this.newToken(),
        front: false,
        targetCounterId: null,
        originalServiceId: service.id,
        transferCount: 0,
        note: null,
        closeReason: null,
        parkedAt: null,
        targetWaitMinutes: service.targetWaitMinutes,
        estimateMinutes: estimatedWaitMinutes,
      });
      // The paper ticket shows what the screen shows, however late it prints.
      this.deps.printing?.enqueueIssued(
        ticket.id,
        kioskId,
        { peopleAhead: ahead, estimatedWaitMinutes },
        context.at,
      );
      context.emit('ticket:issued', {
        ticket: toTicket(ticket),
        counter: null,
        waiting: reader.waiting(),
      });
      return {
        ticket: toPublicTicket(toTicket(ticket)),
        ahead,
        estimatedWaitMinutes,
        trackingToken: ticket.trackingToken,
      };
    };
    return { options, body };
  }
}
