import type { CentreSettings } from '../../server/src/contract/settings';
import type { Repos } from '../../server/src/storage/repos';
import type { CentreModel, SimService } from './model';
import type { Random } from './random';

/** Family, middle and given names the history's clerks are called by. */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLE = ['Thị', 'Văn', 'Minh', 'Thu', 'Đức', 'Ngọc', 'Quang', 'Thanh'];
const GIVEN = ['Lan', 'Hùng', 'Mai', 'Tuấn', 'Hương', 'Dũng', 'Hà', 'Nam', 'Trang', 'Sơn', 'Linh'];

/** The history's clerks' usernames: `lich-su-01`, `lich-su-02`, … */
export const clerkUsername = (n: number): string => `lich-su-${String(n).padStart(2, '0')}`;

/**
 * The clerks the history names: two per counter (morning and afternoon) and two who stand
 * in, reused when an earlier run made them. They have no password (an admin sets one to
 * use such an account).
 */
export function historyClerks(repos: Repos, count: number, createdAt: number): number[] {
  const ids: number[] = [];
  for (let n = 1; n <= count; n++) {
    const username = clerkUsername(n);
    const existing = repos.staff.byUsername(username);
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const i = n - 1;
    const displayName = [
      FAMILY[i % FAMILY.length],
      MIDDLE[(i * 3) % MIDDLE.length],
      GIVEN[(i * 7) % GIVEN.length],
    ].join(' ');
    ids.push(
      repos.staff.insert(
        { username, displayName, role: 'clerk', passwordHash: '-', mustChangePassword: true },
        createdAt,
      ),
    );
  }
  return ids;
}

/**
 * The centre as the simulation sees it: its active services that some active counter
 * serves, and its counters with their tiers. Each service draws arrivals in proportion to
 * the counter time set aside for it (a counter's tier-1 services share it, tier 2 adds a
 * twentieth) divided by its mean service time, times a per-seed factor (0.75–1.3 or so):
 * some services are busier than their counters, most are not.
 */
export function centreModel(
  repos: Repos,
  settings: CentreSettings,
  clerks: readonly number[],
  random: Random,
): CentreModel {
  const counters = repos.counters.list();
  const served = new Map<number, number>();
  for (const counter of counters) {
    const tiers = [...new Set(counter.services.map((s) => s.tier))].sort((a, b) => a - b);
    tiers.forEach((tier, index) => {
      const ofTier = counter.services.filter((s) => s.tier === tier);
      for (const link of ofTier) {
        const share = (index === 0 ? 1 : 0.05) / ofTier.length;
        served.set(link.serviceId, (served.get(link.serviceId) ?? 0) + share);
      }
    });
  }
  const services: SimService[] = repos.services
    .listActive()
    .filter((service) => served.has(service.id))
    .map((service) => ({
      id: service.id,
      prefix: service.prefix,
      range: service.numberRange,
      minutes: service.defaultServiceMinutes,
      targetWaitMinutes: service.targetWaitMinutes,
      cutoffMinutes: service.cutoffMinutes ?? settings.cutoffMinutes,
      dailyCap: service.dailyCap,
      weight:
        ((served.get(service.id) ?? 0) / (service.defaultServiceMinutes + 1)) *
        random.logNormalMean(1, 0.15),
    }));
  const known = new Set(services.map((s) => s.id));
  const modelCounters = counters
    .map((counter, index) => {
      const tiers = [...new Set(counter.services.map((s) => s.tier))]
        .sort((a, b) => a - b)
        .map((tier) =>
          counter.services
            .filter((s) => s.tier === tier && known.has(s.serviceId))
            .map((s) => s.serviceId),
        )
        .filter((ids) => ids.length > 0);
      const clerk = (k: number) => clerks[(2 * index + k) % clerks.length] as number;
      return { id: counter.id, tiers, clerks: [clerk(0), clerk(1)] as const };
    })
    .filter((counter) => counter.tiers.length > 0);
  const levels = settings.rating.levels.map((l) => l.level).sort((a, b) => a - b);
  return {
    services,
    counters: modelCounters,
    spareClerks: clerks.slice(2 * modelCounters.length),
    priorityClasses: settings.priorityClasses.map((c) => c.code),
    pauseReasons: settings.pauseReasons,
    recallLimit: Math.max(1, settings.recallLimit),
    rating: {
      enabled: settings.rating.enabled,
      levels,
      lowThreshold: settings.rating.lowThreshold,
      reasons: settings.rating.reasons,
    },
  };
}
