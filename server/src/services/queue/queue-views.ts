import type {
  Counter,
  Service,
  ServiceGroup,
  Ticket,
  WaitingCounts,
} from '../../contract/entities';
import type { TicketRecord } from '../../domain/ticket';
import type { CounterRecord } from '../../storage/counter-repo';
import type { ServiceGroupRecord } from '../../storage/service-group-repo';
import type { ServiceRecord } from '../../storage/service-repo';

/** An optional instant (epoch ms) as the API shows it: ISO 8601 in UTC, or null. */
export const iso = (ms: number | null): string | null =>
  ms === null ? null : new Date(ms).toISOString();

/** A ticket as staff see it; everyone else gets `toPublicTicket` of it (public-view.ts). */
export function toTicket(record: TicketRecord): Ticket {
  return {
    id: record.id,
    number: record.number,
    serviceId: record.serviceId,
    priorityClass: record.priorityClass,
    status: record.status,
    day: record.day,
    counterId: record.counterId,
    issuedAt: new Date(record.issuedAt).toISOString(),
    calledAt: iso(record.calledAt),
    servingAt: iso(record.servingAt),
    finishedAt: iso(record.finishedAt),
    recallCount: record.recallCount,
    front: record.front,
    targetCounterId: record.targetCounterId,
    originalServiceId: record.originalServiceId,
    transferCount: record.transferCount,
    note: record.note,
    closeReason: record.closeReason,
    parkedAt: iso(record.parkedAt),
  };
}

/** A counter as staff see it; everyone else gets `toPublicCounter` of it (public-view.ts). */
export function toCounter(record: CounterRecord, current: TicketRecord | undefined): Counter {
  return {
    id: record.id,
    number: record.number,
    name: record.name,
    serviceIds: record.services.map((link) => link.serviceId),
    tiers: tiersOf(record.services),
    currentTicket: current ? toTicket(current) : null,
    status: record.status,
    pauseReason: record.pauseReason,
    statusSince: iso(record.statusSince),
    autoCall: record.autoCall,
    staff:
      record.staffId !== null ? { id: record.staffId, displayName: record.staffName ?? '' } : null,
  };
}

/** Service ids grouped by tier, best (lowest tier number) first; gaps in numbering closed. */
export function tiersOf(links: readonly { serviceId: number; tier: number }[]): number[][] {
  const byTier = new Map<number, number[]>();
  for (const link of [...links].sort((a, b) => a.tier - b.tier)) {
    const ids = byTier.get(link.tier) ?? [];
    ids.push(link.serviceId);
    byTier.set(link.tier, ids);
  }
  return [...byTier.values()];
}

/** A service with its live queue figures. */
export function toService(
  record: ServiceRecord,
  waiting: number,
  estimatedWaitMinutes: number,
  unavailableReason: Service['unavailableReason'],
  issuingHours: Service['issuingHours'],
): Service {
  return {
    id: record.id,
    code: record.code,
    name: record.name,
    nameEn: record.nameEn,
    prefix: record.prefix,
    waiting,
    estimatedWaitMinutes,
    available: unavailableReason === null,
    unavailableReason,
    groupId: record.groupId,
    issuingHours,
    dailyCap: record.dailyCap,
    targetWaitMinutes: record.targetWaitMinutes,
  };
}

/** A kiosk menu heading as screens see it. */
export function toServiceGroup(record: ServiceGroupRecord): ServiceGroup {
  return {
    id: record.id,
    parentId: record.parentId,
    name: record.name,
    nameEn: record.nameEn,
    sortOrder: record.sortOrder,
  };
}

/** Waiting counts keyed by service id, zeros included for every listed service. */
export function toWaitingCounts(
  serviceIds: readonly number[],
  counts: ReadonlyMap<number, number>,
): WaitingCounts {
  const result: WaitingCounts = {};
  for (const id of serviceIds) result[String(id)] = counts.get(id) ?? 0;
  return result;
}
