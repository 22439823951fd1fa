import { useEffect, useState } from 'react';
import type { TicketStatus, TrackResponse } from '@luot/contract';
import { SERVER_EVENTS } from '@luot/ui-shared/contract';
import { ApiRequestError, apiGet } from '@luot/ui-shared/api';
import { noteCentreZone } from '@luot/ui-shared/centre-zone';
import { isConnected, listen, listenConnection } from '@luot/ui-shared/socket';
import type { ConnectionStatus } from '@luot/ui-shared/use-queue-state';

/** Events come in bursts (a call also finishes the ticket before it): fetch once after. */
const REFRESH_DELAY_MS = 300;

/**
 * While the ticket waits, how long the page goes without a feed event before it asks
 * again: the estimate also moves with time alone (a counter's visit runs on). 1,000
 * phones at this pace are some 33 cheap reads a second; `/api/track/:token` has no limit.
 */
export const POLL_MS = 30_000;

/** Statuses a ticket never leaves, so the page stops asking once it reaches one. */
const FINAL: readonly TicketStatus[] = ['done', 'cancelled', 'expired'];

/** Every feed event about a ticket; any of them may move this one up the queue. */
const TICKET_EVENTS = Object.values(SERVER_EVENTS).filter(
  (name): name is Exclude<typeof name, 'queue:snapshot' | 'counter:updated' | 'centre:updated'> =>
    name.startsWith('ticket:'),
);

/** The tracking token in a `/t/<token>` path, or null. */
export function tokenFromPath(pathname: string): string | null {
  const match = /^\/t\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** What the visitor's page knows of the ticket. */
export type Tracking =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'found'; data: TrackResponse; failed: boolean };

/**
 * The ticket behind a tracking token, fetched from `/api/track/:token` and fetched again
 * shortly after any ticket event, after a reconnect, when the phone wakes the page and,
 * while the ticket waits and the page is seen, `POLL_MS` after the last fetch.
 */
export function useTracking(token: string | null) {
  const [tracking, setTracking] = useState<Tracking>(() =>
    token === null ? { status: 'not-found' } : { status: 'loading' },
  );
  const [connection, setConnection] = useState<ConnectionStatus>(() =>
    isConnected() ? 'online' : 'connecting',
  );

  useEffect(() => {
    if (token === null) return;
    let live = true;
    let final = false;
    let waiting = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let poll: ReturnType<typeof setTimeout> | undefined;

    function load() {
      clearTimeout(poll);
      apiGet<TrackResponse>(`/api/track/${encodeURIComponent(token ?? '')}`).then(
        (data) => {
          if (!live) return;
          noteCentreZone(data.timeZone);
          final = FINAL.includes(data.ticket.status);
          waiting = data.ticket.status === 'waiting';
          setTracking({ status: 'found', data, failed: false });
          pollLater();
        },
        (error: unknown) => {
          if (!live) return;
          if (error instanceof ApiRequestError && error.code === 'ticket_not_found') {
            setTracking({ status: 'not-found' });
            return;
          }
          console.error('Luot: could not load the ticket', error);
          setTracking((before) =>
            before.status === 'found' ? { ...before, failed: true } : { status: 'loading' },
          );
          pollLater();
        },
      );
    }

    /** A hidden page skips its turn: becoming visible fetches at once, and polls again. */
    function pollLater() {
      clearTimeout(poll);
      if (!waiting) return;
      poll = setTimeout(() => {
        if (document.visibilityState === 'visible') load();
      }, POLL_MS);
    }

    function refreshSoon() {
      if (final) return;
      clearTimeout(timer);
      timer = setTimeout(load, REFRESH_DELAY_MS);
    }

    function onVisible() {
      if (document.visibilityState === 'visible') refreshSoon();
    }

    load();
    const unsubscribers = [
      ...TICKET_EVENTS.map((name) => listen(name, refreshSoon)),
      listenConnection((up) => {
        setConnection(up ? 'online' : 'offline');
        if (up) refreshSoon();
      }),
    ];
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      clearTimeout(timer);
      clearTimeout(poll);
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [token]);

  return { tracking, connection };
}
