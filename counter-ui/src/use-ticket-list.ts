import { useEffect, useEffectEvent, useState } from 'react';
import type { Ticket } from '@luot/contract';
import { apiGet } from '@luot/ui-shared/api';

/** The lists of today's tickets staff pick from (`GET /api/tickets?list=…`). */
export type TicketListName = 'waiting' | 'parked' | 'no-show';

/** Events often come in bursts (a call also finishes the previous ticket): fetch once after. */
const REFRESH_DELAY_MS = 300;

/**
 * One of today's ticket lists, fetched on mount and again shortly after `version`
 * changes (pass the feed's seq, so the list follows every queue change).
 */
export function useTicketList(
  list: TicketListName,
  version: number,
  onError: (e: unknown) => void,
) {
  const [tickets, setTickets] = useState<Ticket[] | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const reportError = useEffectEvent(onError);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      apiGet<Ticket[]>(`/api/tickets?list=${list}`).then(
        (loaded) => {
          if (!current) return;
          setTickets(loaded);
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
  }, [list, version]);

  return { tickets, error };
}
