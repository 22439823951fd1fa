import type { CounterStatus } from '../contract/entities';
import { DomainError } from './errors';
import type { TicketRecord } from './ticket';

/** A counter as its rules see it: its state and who holds it. */
export interface CounterState {
  id: number;
  number: number;
  status: CounterStatus;
  pauseReason: string | null;
  /** The staff member holding the counter, or null when it is free. */
  staffId: number | null;
  staffName: string | null;
}

/** Who asks: a staff member, and whether they run the floor (supervisors, admins). */
export interface CounterActor {
  staffId: number;
  managesFloor: boolean;
}

/** A change of a counter's status a clerk asks for. */
export type StatusCommand =
  { kind: 'open' } | { kind: 'resume' } | { kind: 'pause'; reason: string } | { kind: 'close' };

/** A counter's status and pause reason. */
export interface CounterStatusState {
  status: CounterStatus;
  pauseReason: string | null;
}

const TARGET: Record<StatusCommand['kind'], CounterStatus> = {
  open: 'open',
  resume: 'open',
  pause: 'paused',
  close: 'closed',
};

/** The status a command leads to (resuming opens the counter). */
export function targetStatus(command: StatusCommand): CounterStatus {
  return TARGET[command.kind];
}

/**
 * The reason a clerk gave for a pause, NFC-normalised and trimmed, when it is one of the
 * centre's `allowed` reasons; any other reason is refused.
 */
export function pauseReason(reason: string, allowed: readonly string[]): string {
  const normalized = reason.normalize('NFC').trim();
  if (!allowed.includes(normalized)) {
    throw new DomainError('validation_failed', `Unknown pause reason: ${normalized}`);
  }
  return normalized;
}

/**
 * The counter's status after `command`, or null when it already is there. A counter opens
 * from paused or closed; a closed counter is not resumed (it is opened); a counter pauses
 * or closes only once its ticket (`hasTicket`) is dealt with. A pause's reason must
 * already be one `pauseReason` accepted.
 */
export function changeStatus(
  counter: CounterState,
  command: StatusCommand,
  hasTicket: boolean,
): CounterStatusState | null {
  const status = targetStatus(command);
  const reason = command.kind === 'pause' ? command.reason : null;
  if (counter.status === status && counter.pauseReason === reason) return null;
  if (command.kind === 'resume' && counter.status !== 'paused') {
    throw new DomainError('counter_closed', `Counter ${counter.number} is closed`);
  }
  if (status !== 'open' && hasTicket) {
    throw new DomainError('counter_busy', `Counter ${counter.number} still has a ticket`);
  }
  return { status, pauseReason: reason };
}

/** A clerk operates only the counter they have taken; supervisors and admins any. */
export function assertMayOperate(actor: CounterActor, counter: CounterState): void {
  if (actor.managesFloor) return;
  if (counter.staffId !== actor.staffId) {
    throw new DomainError('not_your_counter', `Counter ${counter.number} is not yours`);
  }
}

/** What a sign-in changes: the counters the actor leaves, and whether they take this one. */
export interface SignInPlan {
  release: number[];
  take: boolean;
}

/**
 * A staff member takes `counter`, leaving any other counter of `counters` they hold. A
 * counter someone else holds is refused unless its holder has no live session left
 * (`holderLive` false: their session expired without signing out), which makes it free.
 */
export function signIn(
  counter: CounterState,
  counters: readonly CounterState[],
  staffId: number,
  holderLive: boolean,
): SignInPlan {
  if (counter.staffId !== null && counter.staffId !== staffId && holderLive) {
    throw new DomainError(
      'counter_taken',
      `Counter ${counter.number} is taken by ${counter.staffName ?? ''}`,
    );
  }
  return {
    release: counters.filter((c) => c.id !== counter.id && c.staffId === staffId).map((c) => c.id),
    take: counter.staffId !== staffId,
  };
}

/**
 * True when signing out of `counter` frees it, false when it is free already. Only its
 * holder signs out of a counter; a supervisor or admin may free anyone's.
 */
export function signOut(counter: CounterState, actor: CounterActor): boolean {
  if (counter.staffId === null) return false;
  if (counter.staffId !== actor.staffId && !actor.managesFloor) {
    throw new DomainError('not_your_counter', `Counter ${counter.number} is not yours`);
  }
  return true;
}

/**
 * The counters to free because their holder has no live session left (`isLive` false):
 * a session that expired or was revoked without signing out leaves nobody at the desk.
 */
export function abandoned<C extends CounterState>(
  counters: readonly C[],
  isLive: (staffId: number) => boolean,
): C[] {
  return counters.filter((c) => c.staffId !== null && !isLive(c.staffId));
}

/**
 * Someone is at the counter: a staff member holds it with a live session (`holderLive`).
 * A call announces the counter to the hall, so it needs one; a supervisor cannot call for
 * an empty desk.
 */
export function assertStaffed(counter: CounterState, holderLive: boolean): void {
  if (counter.staffId === null || !holderLive) {
    throw new DomainError('counter_not_staffed', `Nobody has taken counter ${counter.number}`);
  }
}

/** A counter calls a ticket only when someone is at it and it is open. */
export function assertMayCall(counter: CounterState, holderLive: boolean): void {
  assertStaffed(counter, holderLive);
  if (counter.status === 'paused')
    throw new DomainError('counter_paused', `Counter ${counter.number} is paused`);
  if (counter.status === 'closed')
    throw new DomainError('counter_closed', `Counter ${counter.number} is closed`);
}

/**
 * True when finishing a ticket calls the next one right away: the counter has auto-call
 * on, is open and someone is at it (auto-call never sends the hall to an empty desk).
 */
export function autoCallsNext(
  counter: CounterState & { autoCall: boolean },
  holderLive: boolean,
): boolean {
  return counter.autoCall && counter.status === 'open' && counter.staffId !== null && holderLive;
}

/**
 * Before a counter calls another ticket, its current one must make room: a called ticket
 * must be dealt with first (refused); one being served is returned, for the caller to
 * finish. Returns null when nothing stands in the way.
 */
export function makeRoom<T extends Pick<TicketRecord, 'number' | 'status'>>(
  current: T | undefined,
): T | null {
  if (current?.status === 'called') {
    throw new DomainError(
      'counter_busy',
      `Ticket ${current.number} is still called at this counter`,
    );
  }
  return current?.status === 'serving' ? current : null;
}
