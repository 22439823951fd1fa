import type { CounterConfig, ServiceConfig, ServiceGroupConfig } from '../../contract/entities';
import type { Repos } from '../../storage/repos';
import type { CounterRecord } from '../../storage/counter-repo';
import type { ServiceGroupRecord } from '../../storage/service-group-repo';
import type { ServiceRecord } from '../../storage/service-repo';
import type { AuditAction } from '../../auth/audit-trail';
import type { Actor } from '../core/actor';
import type { CommandContext, CommandResult, CommandRunner } from '../core/command-runner';
import type { QueueReader } from '../queue/queue-reader';
import { toCounter, toServiceGroup } from '../queue/queue-views';

/** A stored service as admins edit it. */
export function toServiceConfig(record: ServiceRecord): ServiceConfig {
  return {
    id: record.id,
    code: record.code,
    name: record.name,
    nameEn: record.nameEn,
    prefix: record.prefix,
    groupId: record.groupId,
    numberRange: record.numberRange,
    targetWaitMinutes: record.targetWaitMinutes,
    dailyCap: record.dailyCap,
    cutOff: record.cutoffMinutes,
    active: record.active,
    sortOrder: record.sortOrder,
  };
}

/** A stored kiosk menu group as admins edit it. */
export function toServiceGroupConfig(record: ServiceGroupRecord): ServiceGroupConfig {
  return { ...toServiceGroup(record), active: record.active };
}

/** A stored counter as admins edit it: the staff view with its active flag. */
export function toCounterConfig(repos: Repos, record: CounterRecord): CounterConfig {
  return { ...toCounter(record, repos.tickets.currentAt(record.id)), active: record.active };
}

/**
 * Tells every screen the catalogue changed, inside the command: the active services,
 * groups and counters as a snapshot lists them, which replace the screens' own.
 */
export function emitCatalogue(context: CommandContext, reader: QueueReader): void {
  context.emit('catalogue:updated', {
    services: reader.services(),
    serviceGroups: reader.serviceGroups(),
    counters: reader.counters('staff'),
  });
}

/** Who changes the catalogue, from where, with which idempotency key. */
export interface CatalogueCall {
  actor: Actor;
  ip: string | null;
  idempotencyKey?: string | undefined;
}

/**
 * Runs one catalogue change as a command. The idempotency slot is the admin's own; the
 * request that must match on a replay is the operation, its target and its body.
 */
export function runCatalogueCommand<T>(
  runner: CommandRunner,
  call: CatalogueCall,
  change: { op: AuditAction; id: number | null; body: unknown },
  run: (context: CommandContext) => T,
): CommandResult<T> {
  return runner.run(
    {
      scope: `catalogue:staff:${call.actor.staffId}`,
      idempotencyKey: call.idempotencyKey,
      request: change,
    },
    run,
  );
}

/** Audits a catalogue change in its command and tells every screen. */
export function recordChange(
  context: CommandContext,
  reader: QueueReader,
  call: CatalogueCall,
  entry: { action: AuditAction; target: string; details: object },
): void {
  const who = { staffId: call.actor.staffId, username: null, ip: call.ip };
  context.audit(entry.action, who, entry.target, { ...entry.details });
  emitCatalogue(context, reader);
}
