import type { CounterResponse } from '../contract/http';
import { DomainError } from '../domain/errors';
import type { Repos } from '../storage/repos';
import { mayManageFloor, type Actor } from './actor';
import type { CommandResult, CommandRunner } from './command-runner';
import type { QueueReader } from './queue-reader';

/** Staff taking and leaving counters. */
export class CounterService {
  constructor(
    private readonly repos: Repos,
    private readonly reader: QueueReader,
    private readonly runner: CommandRunner,
  ) {}

  /** The actor takes the counter, leaving any other counter they held. */
  signIn(counterId: number, actor: Actor, idempotencyKey?: string): CommandResult<CounterResponse> {
    const request = { counterId };
    const scope = `counter:sign-in:staff:${actor.staffId}`;
    return this.runner.run({ scope, idempotencyKey, request }, (context) => {
      const counter = this.repos.counters.get(counterId);
      if (!counter) throw new DomainError('counter_not_found', `No counter ${counterId}`);
      if (counter.staffId !== null && counter.staffId !== actor.staffId) {
        throw new DomainError(
          'counter_taken',
          `Counter ${counter.number} is taken by ${counter.staffName ?? ''}`,
        );
      }
      for (const other of this.repos.counters.list()) {
        if (other.id !== counterId && other.staffId === actor.staffId) {
          this.repos.counters.setStaff(other.id, null);
          context.emit('counter:updated', { counter: this.reader.counter(other.id) });
        }
      }
      if (counter.staffId !== actor.staffId) {
        this.repos.counters.setStaff(counterId, actor.staffId);
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
  ): CommandResult<CounterResponse> {
    const request = { counterId };
    const scope = `counter:sign-out:staff:${actor.staffId}`;
    return this.runner.run({ scope, idempotencyKey, request }, (context) => {
      const counter = this.repos.counters.get(counterId);
      if (!counter) throw new DomainError('counter_not_found', `No counter ${counterId}`);
      if (counter.staffId === null) return { counter: this.reader.counter(counterId) };
      if (counter.staffId !== actor.staffId && !mayManageFloor(actor)) {
        throw new DomainError('not_your_counter', `Counter ${counter.number} is not yours`);
      }
      this.repos.counters.setStaff(counterId, null);
      const view = this.reader.counter(counterId);
      context.emit('counter:updated', { counter: view });
      return { counter: view };
    });
  }

  /** Frees every counter the staff member holds (on logout). */
  releaseAll(staffId: number): void {
    this.runner.run({ scope: 'counter:release', request: { staffId } }, (context) => {
      for (const counter of this.repos.counters.list()) {
        if (counter.staffId !== staffId) continue;
        this.repos.counters.setStaff(counter.id, null);
        context.emit('counter:updated', { counter: this.reader.counter(counter.id) });
      }
    });
  }
}
