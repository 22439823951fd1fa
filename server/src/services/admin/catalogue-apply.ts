import type { ImportProblem } from '../../contract/config';
import { prefixClash } from '../../domain/catalogue';
import { DomainError } from '../../domain/errors';
import type { Repos } from '../../storage/repos';
import type { ServiceFields } from '../../storage/service-repo';
import { releaseCounter } from './catalogue-counters';

/** A service as an import sets it: everything an admin edits, named by its code. */
export type ServiceDraft = Omit<ServiceFields, 'agency' | 'defaultServiceMinutes'>;

/** A service's visit length before the centre has served tickets to measure (as the API's). */
const DEFAULT_SERVICE_MINUTES = 5;

/**
 * How many entries of one kind an import created, changed, left as they were (listed with
 * the same values), and removed or deactivated.
 */
export interface ApplyCount {
  created: number;
  updated: number;
  unchanged: number;
  retired: number;
}

/** A fresh count. */
export const noChanges = (): ApplyCount => ({ created: 0, updated: 0, unchanged: 0, retired: 0 });

/** True when every field `next` sets already holds that value in `stored`. */
function sameValues<T extends object>(stored: T, next: Partial<T>): boolean {
  return (Object.keys(next) as (keyof T)[]).every(
    (key) => JSON.stringify(stored[key]) === JSON.stringify(next[key]),
  );
}

/** At most this many codes (or numbers, or names) of each list go in an import's audit row. */
export const AUDITED_NAMES_LIMIT = 200;

type Change = keyof ApplyCount;
/** Which ones an import changed; the unchanged are only counted. */
type Names<T> = Record<Exclude<Change, 'unchanged'>, T[]>;
const noNames = <T>(): Names<T> => ({ created: [], updated: [], retired: [] });

/** A counter whose clerk an import signed out by deactivating it. */
export interface ReleasedCounter {
  id: number;
  number: number;
  staffId: number;
}

/**
 * Writes an imported catalogue inside one open command: upserts services by code, kiosk
 * menu groups by field and name, counters by number, and retires (removes, or deactivates
 * when something refers to them) what the import leaves out. It checks nothing the
 * caller's validation did; `prefixClashes` then reads the result back, so the caller can
 * refuse it and let the command roll back.
 */
export class CatalogueApply {
  readonly services = noChanges();
  readonly serviceGroups = noChanges();
  readonly counters = noChanges();
  /** Which ones: services by code, counters by number, groups by name. */
  private readonly names = {
    services: noNames<string>(),
    serviceGroups: noNames<string>(),
    counters: noNames<number>(),
  };
  /** Counters taken out of service while a clerk held them (the caller audits each). */
  readonly released: ReleasedCounter[] = [];

  constructor(
    private readonly repos: Repos,
    private readonly at: number,
  ) {}

  /** The group called `name` under `parentId` (null: a field), created when missing. */
  group(
    parentId: number | null,
    name: string,
    set?: { nameEn: string; sortOrder: number; active: boolean },
  ): number {
    const groups = this.repos.serviceGroups.listAll();
    const found = groups.find((g) => g.parentId === parentId && g.name === name);
    if (found) {
      if (set && sameValues(found, set)) this.note('serviceGroups', 'unchanged', name);
      else if (set) {
        this.repos.serviceGroups.update(found.id, { parentId, name, ...set });
        this.note('serviceGroups', 'updated', name);
      }
      return found.id;
    }
    this.note('serviceGroups', 'created', name);
    const sortOrder = groups.reduce((max, g) => Math.max(max, g.sortOrder + 1), 0);
    return this.repos.serviceGroups.insert({
      parentId,
      name,
      nameEn: set?.nameEn ?? '',
      sortOrder: set?.sortOrder ?? sortOrder,
      active: set?.active ?? true,
    });
  }

  /** Creates or overwrites the service with the draft's code; answers its id. */
  service(draft: ServiceDraft): number {
    const existing = this.repos.services.byCode(draft.code);
    if (existing && sameValues(existing, draft)) {
      this.note('services', 'unchanged', draft.code);
      return existing.id;
    }
    if (existing) {
      this.repos.services.update(existing.id, {
        ...draft,
        agency: existing.agency,
        defaultServiceMinutes: existing.defaultServiceMinutes,
      });
      this.note('services', 'updated', draft.code);
      return existing.id;
    }
    this.note('services', 'created', draft.code);
    return this.repos.services.insert({
      ...draft,
      agency: '',
      defaultServiceMinutes: DEFAULT_SERVICE_MINUTES,
    });
  }

  /** Creates or overwrites the counter with this number, with its tiers of service ids. */
  counter(fields: { number: number; name: string; active: boolean }, tiers: number[][]): number {
    const links = tiers.flatMap((ids, index) =>
      ids.map((serviceId) => ({ serviceId, tier: index + 1 })),
    );
    const existing = this.repos.counters.byNumber(fields.number);
    if (existing) {
      const current = this.repos.counters.getAny(existing.id)!;
      // Stored best tier first, by service id within a tier: compared the same way.
      const sorted = [...links].sort((x, y) => x.tier - y.tier || x.serviceId - y.serviceId);
      if (sameValues(current, { ...fields, services: sorted })) {
        this.note('counters', 'unchanged', fields.number);
        return existing.id;
      }
      if (current.active && !fields.active) this.release(existing.id);
      this.repos.counters.update(existing.id, fields);
      this.repos.counters.setServices(existing.id, links);
      this.note('counters', 'updated', fields.number);
      return existing.id;
    }
    const id = this.repos.counters.insert(fields, links);
    if (!fields.active) this.repos.counters.update(id, fields);
    this.note('counters', 'created', fields.number);
    return id;
  }

  /**
   * Retires every counter, service and group not in `keep`: counters first (they refer to
   * services), groups last (services sit in them). Each is removed when nothing refers to
   * it, else deactivated.
   */
  retireOthers(keep: { counters: Set<number>; services: Set<number>; groups: Set<number> }): void {
    for (const counter of this.repos.counters.listAll()) {
      if (keep.counters.has(counter.id)) continue;
      if (counter.staffId === null && this.repos.counters.deleteUnused(counter.id)) {
        this.note('counters', 'retired', counter.number);
      } else if (counter.active) {
        this.release(counter.id);
        this.repos.counters.update(counter.id, { ...counter, active: false });
        this.note('counters', 'retired', counter.number);
      }
    }
    for (const service of this.repos.services.listAll()) {
      if (keep.services.has(service.id)) continue;
      if (this.repos.services.deleteUnused(service.id)) {
        this.note('services', 'retired', service.code);
      } else if (service.active) {
        const { id, ...stored } = service;
        this.repos.services.update(id, { ...stored, active: false });
        this.note('services', 'retired', service.code);
      }
    }
    // Procedure groups before fields: a field is only free once its groups are gone.
    const groups = this.repos.serviceGroups.listAll().reverse();
    for (const group of groups) {
      if (keep.groups.has(group.id)) continue;
      if (this.repos.serviceGroups.deleteUnused(group.id)) {
        this.note('serviceGroups', 'retired', group.name);
      } else if (group.active) {
        const { id, ...stored } = group;
        this.repos.serviceGroups.update(id, { ...stored, active: false });
        this.note('serviceGroups', 'retired', group.name);
      }
    }
  }

  /**
   * Every active service of `codes` whose prefix and numbers another active service could
   * also give, as the API's rule reads it, with the other's code.
   */
  prefixClashes(codes: readonly string[]): { code: string; other: string }[] {
    const all = this.repos.services.listAll();
    return codes.flatMap((code) => {
      const service = all.find((s) => s.code === code);
      const clash = service && prefixClash(service, all);
      return clash ? [{ code, other: all.find((s) => s.id === clash.id)!.code }] : [];
    });
  }

  /**
   * What the import changed, for its audit row: the counts, and which services (codes),
   * counters (numbers) and menu groups (names) it created, updated and retired, each list
   * cut at `AUDITED_NAMES_LIMIT` (the count says how many there were).
   */
  auditDetails(): Record<string, unknown> {
    const capped = <T>(names: Names<T>) => ({
      created: names.created.slice(0, AUDITED_NAMES_LIMIT),
      updated: names.updated.slice(0, AUDITED_NAMES_LIMIT),
      retired: names.retired.slice(0, AUDITED_NAMES_LIMIT),
    });
    return {
      services: { ...this.services, codes: capped(this.names.services) },
      serviceGroups: { ...this.serviceGroups, names: capped(this.names.serviceGroups) },
      counters: { ...this.counters, numbers: capped(this.names.counters) },
    };
  }

  private note(kind: 'services' | 'serviceGroups', change: Change, name: string): void;
  private note(kind: 'counters', change: Change, number: number): void;
  private note(kind: keyof CatalogueApply['names'], change: Change, name: string | number): void {
    this[kind][change] += 1;
    if (change !== 'unchanged') (this.names[kind][change] as (string | number)[]).push(name);
  }

  /** A counter leaving service: refused while a visitor is at it; its clerk is signed out. */
  private release(counterId: number): void {
    const counter = this.repos.counters.getAny(counterId)!;
    releaseCounter(this.repos, counter, this.at);
    if (counter.staffId !== null) {
      this.released.push({ id: counter.id, number: counter.number, staffId: counter.staffId });
    }
  }
}

/** A problem as found, before the route words it in the reader's language. */
export type ImportIssue = Omit<ImportProblem, 'message'>;

/** Refuses an import, naming its problems; the command rolls back. */
export function importFailed(problems: ImportIssue[]): DomainError {
  return new DomainError('import_failed', `${problems.length} problem(s) in the import`, {
    rows: problems,
  });
}
