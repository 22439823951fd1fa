import { counterLabels, type ReportGrouping, type ReportRow } from '../../contract/reports';
import type { Database } from '../../storage/database';
import type { Accumulator } from './report-accumulator';
import type { Aggregate, GroupKey } from './report-aggregate';

/** The names the rows are labelled with, read with the report. */
export interface ReportCatalogue {
  services: {
    id: number;
    code: string;
    name: string;
    nameEn: string;
    sortOrder: number;
    targetWaitMinutes: number;
  }[];
  counters: { id: number; number: number; name: string }[];
  staff: { id: number; username: string; displayName: string }[];
}

/** Every service, counter and staff member, retired ones too (history names them). */
export function readCatalogue(db: Database): ReportCatalogue {
  return {
    services: db.all(
      `SELECT id, code, name, name_en AS nameEn, sort_order AS sortOrder,
         target_wait_minutes AS targetWaitMinutes FROM services`,
    ),
    counters: db.all('SELECT id, number, name FROM counters'),
    staff: db.all('SELECT id, username, display_name AS displayName FROM staff'),
  };
}

const NOT_CALLED = { label: 'Chưa gọi', labelEn: 'Not called' };
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

interface Labelled {
  key: string;
  label: string;
  labelEn: string;
  extra: Pick<ReportRow, 'serviceId' | 'counterId' | 'staffId'>;
  /** Sorts rows: numbers, then text. */
  order: [number, string];
}

function labelOf(groupBy: ReportGrouping, key: GroupKey, catalogue: ReportCatalogue): Labelled {
  if (groupBy === 'service') {
    const service = catalogue.services.find((s) => s.id === key);
    return {
      key: service?.code ?? String(key),
      label: service?.name ?? String(key),
      labelEn: service?.nameEn || service?.name || String(key),
      extra: { serviceId: Number(key) },
      order: [service?.sortOrder ?? 0, service?.code ?? ''],
    };
  }
  if (groupBy === 'counter') {
    const counter = catalogue.counters.find((c) => c.id === key);
    if (!counter)
      return { key: '', ...NOT_CALLED, extra: { counterId: null }, order: [Infinity, ''] };
    return {
      key: String(counter.number),
      ...counterLabels(counter.number, counter.name),
      extra: { counterId: counter.id },
      order: [counter.number, ''],
    };
  }
  if (groupBy === 'clerk') {
    const clerk = catalogue.staff.find((s) => s.id === key);
    if (!clerk) return { key: '', ...NOT_CALLED, extra: { staffId: null }, order: [1, ''] };
    return {
      key: clerk.username,
      label: clerk.displayName,
      labelEn: clerk.displayName,
      extra: { staffId: clerk.id },
      order: [0, clerk.displayName],
    };
  }
  if (groupBy === 'hour') {
    const hour = String(key).padStart(2, '0');
    return {
      key: hour,
      label: `${hour}:00`,
      labelEn: `${hour}:00`,
      extra: {},
      order: [Number(key), ''],
    };
  }
  return {
    key: String(key),
    label: String(key),
    labelEn: String(key),
    extra: {},
    order: [0, String(key)],
  };
}

const row = (
  labelled: Omit<Labelled, 'order'>,
  acc: Accumulator,
  timed: boolean,
  levels: number,
  groups?: readonly Accumulator[],
): ReportRow => ({
  key: labelled.key,
  label: labelled.label,
  labelEn: labelled.labelEn,
  ...labelled.extra,
  ...acc.figures(timed, groups, levels),
});

/**
 * The rows, sorted naturally (services by their order, counters by number, clerks by name
 * in Vietnamese collation, periods and hours ascending; "not called" last), and the total.
 */
export function reportRows(
  groupBy: ReportGrouping,
  aggregate: Aggregate,
  catalogue: ReportCatalogue,
): { rows: ReportRow[]; total: ReportRow } {
  const labelled = [...aggregate.groups].map(([key, acc]) => ({
    labelled: labelOf(groupBy, key, catalogue),
    acc,
  }));
  labelled.sort(
    (a, b) =>
      a.labelled.order[0] - b.labelled.order[0] ||
      collator.compare(a.labelled.order[1], b.labelled.order[1]) ||
      (a.labelled.key < b.labelled.key ? -1 : a.labelled.key > b.labelled.key ? 1 : 0),
  );
  // Each group saw every rating the total saw, or fewer: the total is the longest.
  const levels = aggregate.total.ratingLevels.length;
  return {
    rows: labelled.map(({ labelled: l, acc }) => row(l, acc, aggregate.rowsTimed, levels)),
    total: row(
      { key: '', label: 'Tổng cộng', labelEn: 'Total', extra: {} },
      aggregate.total,
      aggregate.totalTimed,
      levels,
      [...aggregate.groups.values()],
    ),
  };
}
