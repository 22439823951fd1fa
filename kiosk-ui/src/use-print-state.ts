import { useEffect, useState } from 'react';
import type { TicketPrintState, TrackResponse } from '@luot/contract';
import { apiGet } from '@luot/ui-shared/api';

/** How often the result screen asks how printing goes. */
const POLL_MS = 1000;

/**
 * Where printing a just-issued ticket stands, read from `GET /api/track/:token` every second
 * while it prints: null while unknown or when no printer was asked to print it. A failed read is tried again on the next tick (the network may be back).
 */
export function usePrintState(token: string): TicketPrintState | null {
  const [state, setState] = useState<TicketPrintState | null>(null);

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      let next: TicketPrintState | null | undefined;
      try {
        next = (await apiGet<TrackResponse>(`/api/track/${encodeURIComponent(token)}`)).printState;
      } catch {
        next = undefined;
      }
      if (!current) return;
      if (next !== undefined) setState(next);
      // The job is stored with the ticket: null now means no printer was asked, for good.
      if (next !== undefined && next !== 'printing') return;
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [token]);

  return state;
}
