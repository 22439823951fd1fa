import { useEffect, useEffectEvent, useState } from 'react';
import type { Ticket } from '@luot/contract';
import { apiGet } from '@luot/ui-shared/api';

/** The lists of today's tickets staff pick from (`GET /api/tickets?list=…`). */
export type TicketListName = 'waiting' | 'parked' | 'no-show';

/** Events often come in bursts (a call also finishes the previous ticket): fetch once after. */
const REFRESH_DELAY_MS = 300;

/**
 * An answer the server keeps (`GET path`), fetched on mount and again shortly after
 * `version` changes (pass the feed's seq, so it follows every queue change).
 */
export function useRefreshed<T>(
  path: string,
  version: number | string,
  onError: (e: unknown) => void,
) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const reportError = useEffectEvent(onError);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      apiGet<T>(path).then(
        (loaded) => {
          if (!current) return;
          setValue(loaded);
          setError(undefined);
        },
        (err: unknown) => {
          if (!current) return;
          setError(err);
          reportError(err);
        },
      );
    }, REFRESH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [path, version]);

  return { value, error };
}

/** A list the server keeps (`GET path`), following `version` (see `useRefreshed`). */
export function useRefreshedList<T>(
  path: string,
  version: number | string,
  onError: (e: unknown) => void,
) {
  const { value, error } = useRefreshed<T[]>(path, version, onError);
  return { items: value, error };
}

/** One of today's ticket lists, following the queue (see `useRefreshedList`). */
export function useTicketList(
  list: TicketListName,
  version: number,
  onError: (e: unknown) => void,
) {
  const { items, error } = useRefreshedList<Ticket>(`/api/tickets?list=${list}`, version, onError);
  return { tickets: items, error };
}
