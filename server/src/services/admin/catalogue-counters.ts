import type { CreateCounterBody, UpdateCounterBody } from '../../contract/catalogue-schemas';
import type { CounterConfig } from '../../contract/entities';
import type { DeleteResponse } from '../../contract/http';
import { DomainError } from '../../domain/errors';
import type { CounterRecord } from '../../storage/counter-repo';
import type { Repos } from '../../storage/repos';
import type { CommandContext, CommandResult, CommandRunner } from '../core/command-runner';
import type { QueueReader } from '../queue/queue-reader';
import {
  recordChange,
  runCatalogueCommand,
  toCounterConfig,
  type CatalogueCall,
} from './catalogue-views';

/**
 * Counters as admins set them up: number, name, and the services they call in ranked
 * tiers. Each change is one command with a `catalogue:updated` event and an audit row.
 * A counter in use (tickets, pauses, ratings or a device refer to it, or a clerk holds
 * it) is deactivated instead of deleted; one with a ticket called or being served is
 * neither (`counter_busy`) until the clerk finishes it.
 */
export class CatalogueCounters {
  constructor(
    private readonly repos: Repos,
    private readonly runner: CommandRunner,
    private readonly reader: QueueReader,
  ) {}

  createCounter(body: CreateCounterBody, call: CatalogueCall): CommandResult<CounterConfig> {
    return this.command(call, 'counter.create', null, body, (context) => {
      this.checkNumber(null, body.number);
      this.checkServices(body.tiers);
      const id = this.repos.counters.insert(
        { number: body.number, name: body.name },
        linksOf(body.tiers),
      );
      return this.saved(context, id, 'counter.create', call, body);
    });
  }

  updateCounter(
    id: number,
    patch: UpdateCounterBody,
    call: CatalogueCall,
  ): CommandResult<CounterConfig> {
    return this.command(call, 'counter.update', id, patch, (context) => {
      const current = this.existing(id);
      const number = patch.number ?? current.number;
      this.checkNumber(id, number);
      if (patch.tiers) this.checkServices(patch.tiers);
      const active = patch.active ?? current.active;
      if (current.active && !active) this.release(current, context, call);
      this.repos.counters.update(id, { number, name: patch.name ?? current.name, active });
      if (patch.tiers) this.repos.counters.setServices(id, linksOf(patch.tiers));
      return this.saved(context, id, 'counter.update', call, patch);
    });
  }

  /** Removes an unused counter; one in use is deactivated (and its clerk released). */
  deleteCounter(
    id: number,
    call: CatalogueCall,
  ): CommandResult<DeleteResponse<'counter', CounterConfig>> {
    return this.command(call, 'counter.delete', id, null, (context) => {
      const current = this.existing(id);
      const entry = { action: 'counter.delete', target: `counter:${id}` } as const;
      if (current.staffId === null && this.repos.counters.deleteUnused(id)) {
        recordChange(context, this.reader, call, { ...entry, details: { number: current.number } });
        return { deleted: true } as const;
      }
      if (current.active) this.release(current, context, call);
      this.repos.counters.update(id, { number: current.number, name: current.name, active: false });
      recordChange(context, this.reader, call, { ...entry, details: { deactivated: true } });
      return { counter: this.config(id), deactivated: true } as const;
    });
  }

  private command<T>(
    call: CatalogueCall,
    op: 'counter.create' | 'counter.update' | 'counter.delete',
    id: number | null,
    body: unknown,
    run: (context: CommandContext) => T,
  ): CommandResult<T> {
    return runCatalogueCommand(this.runner, call, { op, id, body }, run);
  }

  private existing(id: number): CounterRecord {
    const counter = this.repos.counters.getAny(id);
    if (!counter) throw new DomainError('counter_not_found', `No counter ${id}`);
    return counter;
  }

  private config(id: number): CounterConfig {
    return toCounterConfig(this.repos, this.existing(id));
  }

  private saved(
    context: CommandContext,
    id: number,
    action: 'counter.create' | 'counter.update',
    call: CatalogueCall,
    details: object,
  ): CounterConfig {
    recordChange(context, this.reader, call, { action, target: `counter:${id}`, details });
    return this.config(id);
  }

  /**
   * Frees a counter leaving service: its clerk is signed out of it (audited) and it closes.
   * Refused while it has a ticket called or being served: that visitor is at the desk.
   */
  private release(counter: CounterRecord, context: CommandContext, call: CatalogueCall): void {
    releaseCounter(this.repos, counter, context.at);
    auditForcedSignOut(this.repos, context, call, counter);
  }

  private checkNumber(id: number | null, number: number): void {
    const holder = this.repos.counters.byNumber(number);
    if (holder && holder.id !== id) {
      throw new DomainError('counter_number_taken', `Counter number ${number} is taken`);
    }
  }

  /** Every service a counter is to call exists (inactive ones may be listed ahead of time). */
  private checkServices(tiers: readonly (readonly number[])[]): void {
    for (const serviceId of tiers.flat()) {
      if (!this.repos.services.get(serviceId)) {
        throw new DomainError('service_not_found', `No service ${serviceId}`);
      }
    }
  }
}

/**
 * Closes a counter leaving service and signs its clerk out of it; `counter_busy` while it
 * has a ticket called or being served (that visitor is at the desk).
 */
export function releaseCounter(repos: Repos, counter: CounterRecord, at: number): void {
  if (repos.tickets.currentAt(counter.id)) {
    throw new DomainError('counter_busy', `Counter ${counter.number} is serving a ticket`);
  }
  if (counter.staffId !== null) repos.counters.setStaff(counter.id, null, at);
  if (counter.status !== 'closed') {
    repos.counters.setStatus(counter.id, 'closed', null, at, counter.staffId);
  }
}

/**
 * The audit line of a clerk signed out because an admin took their counter out of service
 * (as a supervisor's forced sign-out is, with the reason), in the change's own command.
 */
export function auditForcedSignOut(
  repos: Repos,
  context: CommandContext,
  call: CatalogueCall,
  counter: Pick<CounterRecord, 'id' | 'number' | 'staffId'>,
): void {
  if (counter.staffId === null) return;
  context.audit(
    'counter.force_sign_out',
    { staffId: call.actor.staffId, username: null, ip: call.ip },
    `counter:${counter.id}`,
    {
      heldBy: counter.staffId,
      heldByName: repos.staff.get(counter.staffId)?.username ?? null,
      number: counter.number,
      reason: 'counter_deactivated',
    },
  );
}

/** Tiers as stored: tier 1 is the best. */
function linksOf(tiers: readonly (readonly number[])[]): { serviceId: number; tier: number }[] {
  return tiers.flatMap((ids, index) => ids.map((serviceId) => ({ serviceId, tier: index + 1 })));
}
