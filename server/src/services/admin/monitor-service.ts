import {
  MONITOR_OVER_TARGET_LIMIT,
  type MonitorDevice,
  type MonitorSatisfaction,
  type MonitorToday,
} from '../../contract/monitor';
import type { RatingSettings } from '../../contract/settings';
import { serviceDay } from '../../domain/service-day';
import { MonitorRepo } from '../../storage/monitor-repo';
import type { Repos } from '../../storage/repos';
import type { Clock } from '../core/clock';
import { iso } from '../queue/queue-views';
import type { SettingsService } from './settings-service';

/**
 * Which paired devices hold an open socket now. Sockets only touch `lastSeenAt` when they
 * connect, so a hall display connected all day would look offline without this. Empty
 * until `attach` is called with the socket server's view (app.ts does, once listening).
 */
export class DevicePresence {
  private source: () => ReadonlySet<number> = () => new Set();

  attach(source: () => ReadonlySet<number>): void {
    this.source = source;
  }

  connected(): ReadonlySet<number> {
    return this.source();
  }
}

const round = (value: number | null): number | null => (value === null ? null : Math.round(value));

/**
 * The level from which a rating counts as satisfied: the centre's level labelled
 * "Hài lòng", else the first level above the low-score threshold.
 */
export function satisfiedFrom(rating: Pick<RatingSettings, 'levels' | 'lowThreshold'>): number {
  const named = rating.levels.find(
    (l) => l.label.normalize('NFC').trim().toLowerCase() === 'hài lòng',
  );
  return named?.level ?? rating.lowThreshold + 1;
}

/** The supervisors' live monitor: today's figures from SQL over the service day. */
export class MonitorService {
  private readonly monitorRepo: MonitorRepo;
  readonly presence = new DevicePresence();

  constructor(
    private readonly repos: Repos,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    private readonly timeZone: () => string,
  ) {
    this.monitorRepo = new MonitorRepo(repos.db);
  }

  /** `GET /api/monitor/today`. */
  today(): MonitorToday {
    const now = this.clock.now();
    const day = serviceDay(now, this.timeZone());
    const figures = this.monitorRepo.dayFigures(day);
    const waiting = this.monitorRepo.waiting(day);
    const services = this.repos.services.listActive();
    const targetOf = new Map(services.map((s) => [s.id, s.targetWaitMinutes]));
    const overTarget = waiting.filter((ticket) => {
      const target = targetOf.get(ticket.serviceId);
      // A target of 0 means none, as on the counter console.
      return target !== undefined && target > 0 && now - ticket.issuedAt > target * 60_000;
    });
    return {
      day,
      serverTime: new Date(now).toISOString(),
      totals: {
        issued: figures.issued,
        served: figures.served,
        noShow: figures.noShow,
        waiting: figures.waiting,
        parked: figures.parked,
        cancelled: figures.cancelled,
        averageWaitSeconds: round(figures.averageWaitMs && figures.averageWaitMs / 1000),
        averageServiceSeconds: round(figures.averageServiceMs && figures.averageServiceMs / 1000),
      },
      satisfaction: this.satisfaction(day),
      services: services.map((service) => {
        const mine = waiting.filter((t) => t.serviceId === service.id);
        return {
          serviceId: service.id,
          waiting: mine.length,
          oldestIssuedAt: iso(mine[0]?.issuedAt ?? null),
          targetWaitMinutes: service.targetWaitMinutes,
          overTarget: overTarget.filter((t) => t.serviceId === service.id).length,
        };
      }),
      overTarget: {
        count: overTarget.length,
        tickets: overTarget.slice(0, MONITOR_OVER_TARGET_LIMIT).map((t) => ({
          ticketId: t.id,
          number: t.number,
          serviceId: t.serviceId,
          issuedAt: new Date(t.issuedAt).toISOString(),
          targetWaitMinutes: targetOf.get(t.serviceId) ?? 0,
        })),
      },
      devices: this.devices(now),
      // Read at each call, so an admin's change shows on the next refresh.
      thresholds: { ...this.settings.current().monitor },
    };
  }

  private satisfaction(day: string): MonitorSatisfaction {
    const { rating } = this.settings.current();
    const counts = this.monitorRepo.ratingCounts(day);
    const from = satisfiedFrom(rating);
    const levels = rating.levels.map((l) => ({
      level: l.level,
      label: l.label,
      labelEn: l.labelEn,
      count: counts.get(l.level) ?? 0,
    }));
    // Counted from the stored ratings, so a level the centre has since removed still counts.
    let total = 0;
    let satisfied = 0;
    for (const [level, count] of counts) {
      total += count;
      if (level >= from) satisfied += count;
    }
    return {
      levels,
      total,
      satisfied,
      satisfiedFrom: from,
      satisfiedShare: total === 0 ? null : satisfied / total,
    };
  }

  /** The paired devices online now, as the Devices page and the monitor show them. */
  onlineDeviceIds(): ReadonlySet<number> {
    return new Set(this.devices(this.clock.now()).flatMap((d) => (d.online ? [d.id] : [])));
  }

  private devices(now: number): MonitorDevice[] {
    const connected = this.presence.connected();
    const cutoff = now - this.settings.current().monitor.deviceOfflineMinutes * 60_000;
    return this.repos.devices.listPaired().map((device) => ({
      id: device.id,
      kind: device.kind,
      name: device.name,
      lastSeenAt: iso(device.lastSeenAt),
      online:
        connected.has(device.id) || (device.lastSeenAt !== null && device.lastSeenAt >= cutoff),
    }));
  }
}
