import { useEffect, useRef, useState } from 'react';
import type { MonitorToday } from '@luot/contract';
import { apiGet } from '@luot/ui-shared/api';

/** Feed events come in bursts (a call also finishes a ticket): fetch at most this often. */
const MIN_GAP_MS = 2000;
/** Read again this often without events, so waits crossing their target and quiet devices show. */
const REFRESH_MS = 15_000;

/**
 * Today's figures (`GET /api/monitor/today`), fetched on mount, again after the feed
 * moves (`seq`, throttled) and every 15 seconds.
 */
export function useMonitorToday(seq: number | null) {
  const [today, setToday] = useState<MonitorToday | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [tick, setTick] = useState(0);
  const lastFetch = useRef(0);

  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    let current = true;
    const wait = Math.max(0, lastFetch.current + MIN_GAP_MS - Date.now());
    const timer = setTimeout(() => {
      lastFetch.current = Date.now();
      apiGet<MonitorToday>('/api/monitor/today').then(
        (loaded) => {
          if (!current) return;
          setToday(loaded);
          setError(undefined);
        },
        (err: unknown) => {
          if (current) setError(err);
        },
      );
    }, wait);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [seq, tick]);

  return { today, error };
}
