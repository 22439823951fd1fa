import { useEffect, useState } from 'react';
import type { StateSnapshot } from '@luot/contract';
import { apiGet } from '@luot/ui-shared/api';
import { noteCentreZone } from '@luot/ui-shared/centre-zone';
import { noteServerTime } from '@luot/ui-shared/server-time';
import type { ReportGrouping, ReportSummary } from '../../../server/src/contract/reports';
import { fetchSummary } from './report-fetch';
import { summaryPath, trendGrouping, type SummaryQuery } from './report-period';

/**
 * The centre's time zone, read once from the state snapshot, which also sets the server's
 * clock for `serverNow()`: "this week" is the centre's week by the server's clock, not by
 * the PC's.
 */
export function useCentreZone(): { timeZone: string | null; error: unknown } {
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    let current = true;
    apiGet<StateSnapshot>('/api/state').then(
      (snapshot) => {
        noteServerTime(snapshot.serverTime);
        noteCentreZone(snapshot.centre.timeZone);
        if (current) setTimeZone(snapshot.centre.timeZone);
      },
      (err: unknown) => {
        if (current) setError(err);
      },
    );
    return () => {
      current = false;
    };
  }, []);
  return { timeZone, error };
}

/** The report asked for, and the groupings the charts read beside it. */
export interface ReportSet {
  main: ReportSummary;
  byCounter: ReportSummary;
  byClerk: ReportSummary;
  trend: ReportSummary;
}

/** Where the page's reports stand. */
type Loaded =
  | { status: 'ready'; key: string; reports: ReportSet }
  | { status: 'failed'; key: string; error: unknown };

/** What the page shows: the reports (while loading, the ones before), or why none came. */
export interface ReportState {
  loading: boolean;
  reports: ReportSet | null;
  error: unknown;
}

/**
 * The summary for a query and, after it, the same period by counter, by clerk and by day
 * (or month) for the charts; a grouping the table already asked for is fetched once. One
 * at a time: the server runs one report at a time anyway, and a page holding a single
 * place in its queue leaves room for other supervisors' pages (a full queue is waited out,
 * `askWhileBusy`). A query that changes stops the asking. Null asks for nothing (no clock
 * yet, or a range the page refuses). Keep `query` the same object while its fields are the
 * same (useMemo), or each render asks again.
 */
export function useReportSet(query: SummaryQuery | null): ReportState {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = query ? summaryPath(query) : null;

  useEffect(() => {
    if (!query || !key) return;
    let current = true;
    const wanted = () => current;
    const trend = trendGrouping(query);
    const groupings = [...new Set<ReportGrouping>([query.groupBy, 'counter', 'clerk', trend])];
    (async () => {
      const summaries = new Map<ReportGrouping, ReportSummary>();
      for (const groupBy of groupings) {
        if (!current) return null;
        summaries.set(groupBy, await fetchSummary(summaryPath({ ...query, groupBy }), wanted));
      }
      const by = (groupBy: ReportGrouping) => summaries.get(groupBy) as ReportSummary;
      return {
        main: by(query.groupBy),
        byCounter: by('counter'),
        byClerk: by('clerk'),
        trend: by(trend),
      };
    })().then(
      (reports) => {
        if (current && reports) setLoaded({ status: 'ready', key, reports });
      },
      (error: unknown) => {
        if (current) setLoaded({ status: 'failed', key, error });
      },
    );
    return () => {
      current = false;
    };
  }, [query, key]);

  if (key === null) return { loading: false, reports: null, error: undefined };
  // While the query's answer is on its way, the page shows the one before (dimmed).
  if (loaded === null || loaded.key !== key) {
    return {
      loading: true,
      reports: loaded?.status === 'ready' ? loaded.reports : null,
      error: undefined,
    };
  }
  if (loaded.status === 'failed') return { loading: false, reports: null, error: loaded.error };
  return { loading: false, reports: loaded.reports, error: undefined };
}

/** How long a choice must stay put before its reports are asked for (ms). */
export const QUERY_SETTLE_MS = 350;

/**
 * `value` once it has stayed the same for `ms`, so typing a date or arrowing through a
 * list asks the server for the last choice only, not for every one passed on the way.
 */
export function useSettled<T>(value: T, ms = QUERY_SETTLE_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
