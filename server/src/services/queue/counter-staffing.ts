import type { CounterResponse } from '../../contract/http';
import {
  abandoned,
  assertMayOperate,
  changeStatus,
  pauseReason,
  signIn,
  signOut,
  targetStatus,
  type StatusCommand,
} from '../../domain/counter';
import { DomainError } from '../../domain/errors';
import type { Repos } from '../../storage/repos';
import type { CounterRecord } from '../../storage/counter-repo';
import { counterActor, holderIsLive, type Actor } from '../core/actor';
import type { CommandContext, CommandResult, CommandRunner } from '../core/command-runner';
import type { SettingsService } from '../admin/settings-service';
import type { QueueReader } from './queue-reader';

/** Staff taking and leaving counters. */
export class CounterStaffing {
  constructor(
    private readonly repos: Repos,
    private readonly reader: QueueReader,
    private readonly runner: CommandRunner,
    private readonly settings: SettingsService,
  ) {}

  /** Pauses the counter with one of the centre's reasons; it calls nobody until resumed. */
  pause(
    counterId: number,
    reason: string,
    actor: Actor,
    key?: string,
  ): CommandResult<CounterResponse> {
    const normalized = pauseReason(reason, this.settings.current().pauseReasons);
    return this.setStatus(counterId, { kind: 'pause', reason: normalized }, actor, key);
  }

  /** Opens the counter, from paused or closed. */
  open(counterId: number, actor: Actor, key?: string): CommandResult<CounterResponse> {
    return this.setStatus(counterId, { kind: 'open' }, actor, key);
  }

  /** Ends a pause; a closed counter stays closed (it is opened, not resumed). */
  resume(counterId: number, actor: Actor, key?: string): CommandResult<CounterResponse> {
    return this.setStatus(counterId, { kind: 'resume' }, actor, key);
  }

  /** Closes the counter for the day; a ticket still there must be dealt with first. */
  close(counterId: number, actor: Actor, key?: string): CommandResult<CounterResponse> {
    return this.setStatus(counterId, { kind: 'close' }, actor, key);
  }

  /** Turns calling the next ticket right after a finish on or off. */
  setAutoCall(
    counterId: number,
    enabled: boolean,
    actor: Actor,
    key?: string,
  ): CommandResult<CounterResponse> {
    return this.atCounter(counterId, 'auto-call', { enabled }, actor, key, (counter, context) => {
      this.repos.counters.setAutoCall(counter.id, enabled);
      context.emit('counter:updated', { counter: this.reader.counter(counter.id) });
    });
  }

  private setStatus(
    counterId: number,
    command: StatusCommand,
    actor: Actor,
    key: string | undefined,
  ): CommandResult<CounterResponse> {
    const reason = command.kind === 'pause' ? command.reason : null;
    // Resume shares open's key scope: both ask for an open counter.
    const action = targetStatus(command);
    return this.atCounter(counterId, action, { reason }, actor, key, (counter, context) => {
      const hasTicket = this.repos.tickets.currentAt(counter.id) !== undefined;
      const next = changeStatus(counter, command, hasTicket);
      if (!next) return;
      const { status, pauseReason: why } = next;
      this.repos.counters.setStatus(counter.id, status, why, context.at, actor.staffId);
      context.emit('counter:updated', { counter: this.reader.counter(counter.id) });
    });
  }

  private atCounter(
    counterId: number,
    action: string,
    body: unknown,
    actor: Actor,
    idempotencyKey: string | undefined,
    run: (counter: CounterRecord, context: CommandContext) => void,
  ): CommandResult<CounterResponse> {
    const scope = `counter:${action}:staff:${actor.staffId}`;
    return this.runner.run({ scope, idempotencyKey, request: { counterId, body } }, (context) => {
      const counter = this.repos.counters.get(counterId);
      if (!counter) throw new DomainError('counter_not_found', `No counter ${counterId}`);
      assertMayOperate(counterActor(actor), counter);
      run(counter, context);
      return { counter: this.reader.counter(counterId) };
    });
  }

  /**
   * The actor takes the counter, leaving any other counter they held. A counter whose
   * holder has no live session left (their session expired without signing out) is free.
   */
  signIn(counterId: number, actor: Actor, idempotencyKey?: string): CommandResult<CounterResponse> {
    const request = { counterId };
    const scope = `counter:sign-in:staff:${actor.staffId}`;
    return this.runner.run({ scope, idempotencyKey, request }, (context) => {
      const counter = this.repos.counters.get(counterId);
      if (!counter) throw new DomainError('counter_not_found', `No counter ${counterId}`);
      const holderLive = holderIsLive(this.repos, counter, context.at);
      const plan = signIn(counter, this.repos.counters.list(), actor.staffId, holderLive);
      for (const otherId of plan.release) {
        this.repos.counters.setStaff(otherId, null, context.at);
        context.emit('counter:updated', { counter: this.reader.counter(otherId) });
      }
      if (plan.take) {
        this.repos.counters.setStaff(counterId, actor.staffId, context.at);
        context.emit('counter:updated', { counter: this.reader.counter(counterId) });
      }
      return { counter: this.reader.counter(counterId) };
    });
  }

  /** The counter is left free; a supervisor or admin may free anyone's counter. */
  signOut(
    counterId: number,
    actor: Actor,
    idempotencyKey?: string,
    ip: string | null = null,
  ): CommandResult<CounterResponse> {
    const request = { counterId };
    const scope = `counter:sign-out:staff:${actor.staffId}`;
    return this.runner.run({ scope, idempotencyKey, request }, (context) => {
      const counter = this.repos.counters.get(counterId);
      if (!counter) throw new DomainError('counter_not_found', `No counter ${counterId}`);
      if (!signOut(counter, counterActor(actor))) {
        return { counter: this.reader.counter(counterId) };
      }
      this.repos.counters.setStaff(counterId, null, context.at);
      const holder = counter.staffId;
      if (holder !== null && holder !== actor.staffId) {
        // A supervisor or an admin freed someone else's counter: audited in the same commit.
        context.audit(
          'counter.force_sign_out',
          { staffId: actor.staffId, username: this.usernameOf(actor.staffId), ip },
          `counter:${counterId}`,
          { heldBy: holder, heldByName: this.usernameOf(holder) },
        );
      }
      const view = this.reader.counter(counterId);
      context.emit('counter:updated', { counter: view });
      return { counter: view };
    });
  }

  /**
   * Frees the counters whose holders have no live session left (a session that expired
   * without signing out): run at start and every minute, so no screen shows yesterday's
   * clerk at a counter. Returns how many were freed.
   */
  releaseAbandoned(now: number): number {
    const freed = (at: number) =>
      abandoned(this.repos.counters.list(), (staffId) =>
        this.repos.staff.hasLiveSession(staffId, at),
      );
    if (freed(now).length === 0) return 0;
    return this.runner.run({ scope: 'counter:release-abandoned', request: null }, (context) => {
      const counters = freed(context.at);
      for (const counter of counters) {
        this.repos.counters.setStaff(counter.id, null, context.at);
        context.emit('counter:updated', { counter: this.reader.counter(counter.id) });
      }
      return counters.length;
    }).value;
  }

  /**
   * Frees every counter of a staff member who has no live session left: signed out on
   * their last device, or every session revoked (password reset, deactivation, an admin).
   * One signed in elsewhere still holds their counter.
   */
  releaseIfSignedOut(staffId: number): void {
    this.runner.run({ scope: 'counter:release', request: { staffId } }, (context) => {
      if (this.repos.staff.hasLiveSession(staffId, context.at)) return;
      for (const counter of this.repos.counters.list()) {
        if (counter.staffId !== staffId) continue;
        this.repos.counters.setStaff(counter.id, null, context.at);
        context.emit('counter:updated', { counter: this.reader.counter(counter.id) });
      }
    });
  }

  private usernameOf(staffId: number): string | null {
    return this.repos.staff.get(staffId)?.username ?? null;
  }
}
