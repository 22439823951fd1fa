import type { Socket } from 'socket.io-client';
import type { ClientEvents, ServerEvents, Ticket } from '../../server/src/contract';
import type { Random } from '../history/random';
import type { Ledger, TicketRecord } from './ledger';
import { SimClient, type Answer, type RequestLog } from './http';
import type { FeedWatch } from './feed-watch';
import type { Timeline } from './scheduler';
import { openStaffSocket } from './staff-socket';
import { rateLater, type RatingModel } from './visitor-rating';
import type { ClerkPlan, Stage, Visitor } from './workload';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** After each closing the clerk serves whoever still waits, for at most this long. */
export const OVERTIME_MS = 30 * MINUTE;
/** A clerk with nothing to do still looks at the queue this often. */
const IDLE_LOOK_MS = 5 * MINUTE;
/** Calls to the desk before the clerk marks a no-show: the first call and two recalls. */
const CALLS_BEFORE_NO_SHOW = 3;

/** What a clerk needs from the run. */
export interface ClerkContext {
  url: string;
  log: RequestLog;
  ledger: Ledger;
  /** The clerk's own lane of the scheduler. */
  scheduler: Timeline;
  /** Follows the staff socket's feed (stepped clock). */
  watch?: FeedWatch;
  /** Sends ratings as the counter screen would (anonymous under the `open` kiosk policy). */
  screen: SimClient;
  rating: RatingModel;
  lunchReason: string;
  targetWait: (serviceId: number) => number;
}

type TicketAnswer = { ticket: Ticket };
const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));
const route = (action: string) => `POST /api/counters/:id/${action}`;

/**
 * One clerk at one counter for one day, acting over HTTP as the counter screen does:
 * sign in, open, call next (or call a parked visitor who came back), recall, start,
 * finish, mark no-shows, transfer, park, pause for breaks and lunch, sign out. Follows the
 * feed on a staff socket: an idle clerk calls when a ticket their counter serves waits.
 * Waits the times the visitor and the work take (drawn beforehand in the workload).
 */
export class Clerk {
  private state: 'off' | 'idle' | 'busy' | 'paused' | 'gone' = 'off';
  private socket: Socket<ServerEvents, ClientEvents> | null = null;
  private readonly client: SimClient;
  private readonly waiting = new Map<number, number>();
  private readonly returned: number[] = [];
  private span = 0;
  private closingAt: number | null = null;
  private wakePending = false;
  private looking = false;
  private presses = 0;
  private presses$: Promise<unknown> = Promise.resolve();
  /** Bumped at each call, so timers of an earlier ticket do nothing. */
  private turn = 0;

  constructor(
    private readonly context: ClerkContext,
    private readonly counter: { id: number; number: number; serviceIds: number[] },
    private readonly credentials: { username: string; password: string },
    private readonly plan: ClerkPlan,
    private readonly random: Random,
    private readonly day: string,
  ) {
    this.client = new SimClient(context.url, context.log);
  }

  /** Signs in (a session for the day) and opens the staff socket; before the day starts. */
  async signIn(): Promise<void> {
    const answer = await this.client.post(
      '/api/auth/login',
      'POST /api/auth/login',
      this.credentials,
    );
    if (answer.status !== 200) throw new Error(`clerk sign-in: ${answer.status} ${answer.code}`);
    this.socket = await openStaffSocket(
      this.context.url,
      this.client.sessionCookie ?? '',
      (counts) => {
        for (const [id, count] of counts) this.waiting.set(id, count);
        if (this.state === 'idle' && this.closingAt === null && this.queued() > 0) this.wake();
      },
      this.context.watch,
    );
  }

  /** Puts the day's work on the scheduler. */
  schedule(): void {
    const { scheduler } = this.context;
    this.plan.arrivals.forEach((at, index) => scheduler.at(at, () => this.arrive(index)));
    this.plan.spans.forEach((span, index) =>
      scheduler.at(span.to, () => {
        if (this.span !== index) return;
        this.closingAt = span.to;
        if (this.state === 'idle') this.wake();
      }),
    );
    for (const pause of this.plan.pauses) scheduler.at(pause.at, () => this.wake());
  }

  /** Whether the clerk has left for the day. */
  get gone(): boolean {
    return this.state === 'gone';
  }

  private queued(): number {
    let sum = 0;
    for (const id of this.counter.serviceIds) sum += this.waiting.get(id) ?? 0;
    return sum;
  }

  private key(): string {
    this.presses += 1;
    return `sim-${this.day}-c${this.counter.number}-${this.presses}`;
  }

  /** One press at a time, as at a real counter screen: each waits for the one before. */
  private act<T>(action: string, body?: unknown): Promise<Answer<T>> {
    const press = () =>
      this.client.post<T>(
        `/api/counters/${this.counter.id}/${action}`,
        route(action),
        body,
        this.key(),
      );
    const answer = this.presses$.then(press, press);
    this.presses$ = answer.catch(() => undefined);
    return answer;
  }

  private now(): number {
    return this.context.scheduler.now();
  }

  private async arrive(index: number): Promise<void> {
    const { ledger } = this.context;
    this.span = index;
    this.closingAt = null;
    while (this.plan.pauses[0] && this.plan.pauses[0].at < this.now()) this.plan.pauses.shift();
    if (index === 0) {
      const signIn = await this.act('sign-in');
      if (signIn.status !== 200)
        throw new Error(`counter sign-in: ${signIn.status} ${signIn.code}`);
    }
    const open = await this.act(index === 0 ? 'open' : 'resume');
    if (open.status !== 200) throw new Error(`counter open: ${open.status} ${open.code}`);
    ledger.opened(this.counter.id, this.now());
    this.state = 'idle';
    this.wake(0);
  }

  /** Looks at the queue after a moment (a clerk's reaction), unless already about to. */
  private wake(delay = Math.round(this.random.logNormalMean(6 * SECOND, 0.5))): void {
    if (this.wakePending || this.state !== 'idle') return;
    this.wakePending = true;
    this.context.scheduler.after(delay, () => {
      this.wakePending = false;
      return this.work();
    });
  }

  /** Looks at the queue again in a while, whatever the feed says (one such timer at most). */
  private look(): void {
    if (this.looking) return;
    this.looking = true;
    this.context.scheduler.after(IDLE_LOOK_MS, () => {
      this.looking = false;
      this.wake(0);
    });
  }

  private async work(): Promise<void> {
    if (this.state !== 'idle') return;
    const now = this.now();
    const closing = this.closingAt !== null;
    if (closing && now >= (this.closingAt as number) + OVERTIME_MS) return this.endSpan();
    // A break that fell due while closing (or before this interval) is not taken any more.
    while (closing && this.plan.pauses[0] && this.plan.pauses[0].at <= now)
      this.plan.pauses.shift();
    const pause = this.plan.pauses[0];
    if (!closing && pause && pause.at <= now) {
      this.plan.pauses.shift();
      return this.pause(pause.reason, pause.minutes * MINUTE);
    }
    const back = this.returned.shift();
    if (back === undefined && !closing && this.queued() === 0) {
      this.look();
      return;
    }
    this.state = 'busy';
    const answer =
      back === undefined
        ? await this.act<TicketAnswer>('call-next')
        : await this.act<TicketAnswer>('call', { ticketId: back });
    if (answer.status === 404 && answer.code === 'queue_empty') {
      this.state = 'idle';
      if (closing) return this.endSpan();
      this.look();
      return;
    }
    if (answer.status !== 200) {
      this.context.ledger.surprise(
        `${back === undefined ? 'call-next' : 'call'}: ${answer.status} ${answer.code}`,
      );
      this.state = 'idle';
      if (back !== undefined) this.returned.unshift(back);
      return this.wake();
    }
    await this.called(answer.body.ticket, back !== undefined);
  }

  private async called(ticket: Ticket, returning: boolean): Promise<void> {
    const { ledger, scheduler } = this.context;
    const turn = ++this.turn;
    ledger.calls += 1;
    ledger.busy(this.counter.id, this.now());
    const record = ledger.ticket(ticket.id);
    if (returning) ledger.returnsCalled += 1;
    record.status = 'called';
    record.firstCalledAt ??= ms(ticket.calledAt);
    const visitor = await ledger.visitorOf(ticket.id);
    const walk = returning
      ? Math.round(this.random.logNormalMean(20 * SECOND, 0.4))
      : record.stage > 0
        ? Math.round(this.random.logNormalMean(40 * SECOND, 0.4))
        : visitor.walkMs;
    let arrived = false;
    // Timed from the server's call instant, so the request's own latency (many simulated
    // seconds at a high speed) is not added to the visitor's walk.
    const calledAt = ms(ticket.calledAt) ?? this.now();
    // Recalls while the visitor does not come, then a no-show.
    const gap = 57 * SECOND + Math.round(this.random.next() * 6 * SECOND);
    for (let k = 1; k <= CALLS_BEFORE_NO_SHOW; k++) {
      scheduler.at(calledAt + k * gap, async () => {
        if (arrived || this.turn !== turn) return;
        if (k < CALLS_BEFORE_NO_SHOW) {
          const recall = await this.act('recall');
          if (this.turn !== turn) return;
          if (recall.status === 200) {
            ledger.calls += 1;
            ledger.recalls += 1;
            record.recalls += 1;
          } else
            ledger.surprise(
              `recall of ${ticket.number} (${record.status}): ${recall.status} ${recall.code}`,
            );
          return;
        }
        const noShow = await this.act<TicketAnswer>('no-show');
        if (noShow.status !== 200) ledger.surprise(`no-show: ${noShow.status} ${noShow.code}`);
        else record.status = 'no_show';
        this.next(ms(noShow.body?.ticket?.finishedAt ?? null));
      });
    }
    if (!Number.isFinite(walk)) return;
    scheduler.at(calledAt + walk, async () => {
      if (this.turn !== turn) return;
      arrived = true;
      const start = await this.act<TicketAnswer>('start');
      if (start.status !== 200) {
        ledger.surprise(`start: ${start.status} ${start.code}`);
        return this.next();
      }
      record.status = 'serving';
      this.serve(visitor, record, returning, ms(start.body.ticket.servingAt) ?? this.now());
    });
  }

  private serve(visitor: Visitor, record: TicketRecord, returning: boolean, from: number): void {
    const { ledger, scheduler } = this.context;
    const stage = visitor.stages[record.stage] ?? (visitor.stages[0] as Stage);
    const full = stage.serviceMs;
    const onward = visitor.stages[1];
    if (record.stage === 0 && onward) {
      const target = onward.serviceId;
      scheduler.at(from + Math.round(full * visitor.transferAfter), async () => {
        const answer = await this.act('transfer', {
          serviceId: target,
          note: 'Cần làm thêm thủ tục',
        });
        if (answer.status === 200) {
          record.status = 'waiting';
          record.stage = 1;
          record.transfers += 1;
        } else ledger.surprise(`transfer: ${answer.status} ${answer.code}`);
        this.next();
      });
      return;
    }
    if (visitor.park && !returning) {
      const park = visitor.park;
      scheduler.at(from + Math.round(full * park.after), async () => {
        const answer = await this.act('park');
        if (answer.status === 200) {
          record.status = 'parked';
          ledger.parks += 1;
          scheduler.after(park.awayMs, () => {
            this.returned.push(record.id);
            if (this.state === 'idle') this.wake();
          });
        } else ledger.surprise(`park: ${answer.status} ${answer.code}`);
        this.next();
      });
      return;
    }
    const remaining = returning && visitor.park ? full * (1 - visitor.park.after) : full;
    scheduler.at(from + Math.round(remaining), async () => {
      const answer = await this.act<TicketAnswer>('finish');
      if (answer.status !== 200) {
        ledger.surprise(`finish: ${answer.status} ${answer.code}`);
        return this.next();
      }
      record.status = 'done';
      ledger.counter(this.counter.id).served += 1;
      this.next(ms(answer.body.ticket.finishedAt));
      if (visitor.rates && this.context.rating.enabled) rateLater(this.context, visitor, record);
    });
  }

  /**
   * The ticket at the desk is over (finished, transferred, parked, no-show) at `at` on the
   * server's clock (now when not known): the next one after the clerk's reaction time.
   */
  private next(at: number | null = null): void {
    const now = this.now();
    this.context.ledger.free(this.counter.id, now);
    this.state = 'idle';
    const reaction = Math.round(this.random.logNormalMean(6 * SECOND, 0.5));
    this.wake(Math.max(0, (at ?? now) + reaction - now));
  }

  private async pause(reason: string, length: number): Promise<void> {
    const { ledger, scheduler } = this.context;
    this.state = 'paused';
    const answer = await this.act('pause', { reason });
    if (answer.status !== 200) {
      ledger.surprise(`pause: ${answer.status} ${answer.code}`);
      this.state = 'idle';
      return this.wake();
    }
    ledger.pauses += 1;
    ledger.closed(this.counter.id, this.now());
    scheduler.after(length, async () => {
      const resume = await this.act('resume');
      if (resume.status !== 200) ledger.surprise(`resume: ${resume.status} ${resume.code}`);
      ledger.opened(this.counter.id, this.now());
      this.state = 'idle';
      this.wake(0);
    });
  }

  /** The interval is over and its queue served (or overtime used up). */
  private async endSpan(): Promise<void> {
    const { ledger } = this.context;
    this.closingAt = null;
    const last = this.span >= this.plan.spans.length - 1;
    this.state = last ? 'gone' : 'paused';
    if (!last) {
      const answer = await this.act('pause', { reason: this.context.lunchReason });
      if (answer.status !== 200) ledger.surprise(`lunch pause: ${answer.status} ${answer.code}`);
      ledger.closed(this.counter.id, this.now());
      return;
    }
    const answer = await this.act('sign-out');
    if (answer.status !== 200) ledger.surprise(`sign-out: ${answer.status} ${answer.code}`);
    ledger.closed(this.counter.id, this.now());
    await this.client.post('/api/auth/logout', 'POST /api/auth/logout');
    if (this.socket) this.context.watch?.forget(this.socket);
    this.socket?.close();
    this.socket = null;
  }

  /** Closes the socket whatever the state (end of the run, or a failed one). */
  close(): void {
    if (this.socket) this.context.watch?.forget(this.socket);
    this.socket?.close();
    this.socket = null;
  }
}
