import type { ReportGrouping, ReportLabel, ReportSummary } from '../../contract/reports';
import type { RatingLevel } from '../../contract/settings';
import type { Database } from '../../storage/database';
import { ReportAggregator } from './report-aggregate';
import { readOpeningCalendar } from './report-hours';
import { eachDay, type FactsScope, type PackUse } from './report-packs';
import { counterLabels } from '../../contract/reports';
import { readCatalogue, reportRows, type ReportCatalogue } from './report-rows';

/** One report to compute: plain data, so it can be posted to the report thread. */
export interface ReportRequest {
  from: string;
  to: string;
  groupBy: ReportGrouping;
  /** More groupings, added up in the same pass over the days (`alsoGrouped`). */
  alsoGroupBy?: ReportGrouping[];
  serviceId: number | null;
  counterId: number | null;
  scope: FactsScope;
  centre: { name: string; address: string };
  ratingScale: RatingLevel[];
  satisfiedFrom: number;
  /** Packs read and the missing ones of closed days built on the way (`build`), or not. */
  packs: PackUse;
}

/**
 * Computes a report over `db`: each day from its pack (or live), added up, labelled.
 * `pause` runs between days (the inline runner yields to the event loop there).
 */
export async function runReport(
  db: Database,
  request: ReportRequest,
  pause?: () => Promise<void>,
): Promise<ReportSummary> {
  const catalogue = readCatalogue(db);
  const targetMinutes = new Map(catalogue.services.map((s) => [s.id, s.targetWaitMinutes]));
  const opening = readOpeningCalendar(db);
  const groupings = [request.groupBy, ...(request.alsoGroupBy ?? [])];
  const aggregators = groupings.map(
    (groupBy) =>
      new ReportAggregator({
        groupBy,
        serviceId: request.serviceId,
        counterId: request.counterId,
        levels: request.ratingScale.length,
        satisfiedFrom: request.satisfiedFrom,
        targetMinutes,
        opening,
      }),
  );
  await eachDay(
    db,
    request.scope,
    { from: request.from, to: request.to, packs: request.packs },
    async (facts) => {
      for (const aggregator of aggregators) aggregator.addDay(facts);
      if (pause) await pause();
    },
  );
  const [aggregate, ...others] = aggregators.map((aggregator) => aggregator.result());
  if (!aggregate) throw new Error('no grouping');
  const { rows, total } = reportRows(request.groupBy, aggregate, catalogue);
  const alsoGrouped = others.map((other, i) => {
    const groupBy = groupings[i + 1]!;
    return { groupBy, ...reportRows(groupBy, other, catalogue) };
  });
  return {
    centre: { ...request.centre, timeZone: request.scope.timeZone },
    from: request.from,
    to: request.to,
    groupBy: request.groupBy,
    serviceId: request.serviceId,
    counterId: request.counterId,
    filterLabels: filterLabels(request, catalogue),
    generatedAt: new Date(request.scope.now).toISOString(),
    ratingScale: request.ratingScale.map(({ level, label, labelEn }) => ({
      level,
      label,
      labelEn,
    })),
    satisfiedFrom: request.satisfiedFrom,
    rows,
    total,
    ...(alsoGrouped.length > 0 ? { alsoGrouped } : {}),
    arrivalsByWeekdayHour: aggregate.arrivalsByWeekdayHour,
    waitBands: aggregate.waitBands,
  };
}

/** The names of the service and the counter a report is filtered by. */
function filterLabels(
  request: ReportRequest,
  catalogue: ReportCatalogue,
): { service: ReportLabel | null; counter: ReportLabel | null } {
  const service = catalogue.services.find((s) => s.id === request.serviceId);
  const counter = catalogue.counters.find((c) => c.id === request.counterId);
  return {
    service: service ? { label: service.name, labelEn: service.nameEn || service.name } : null,
    counter: counter ? counterLabels(counter.number, counter.name) : null,
  };
}
