import { useEffect, useEffectEvent, useState } from 'react';
import type { FeedEnvelope, StateSnapshot } from '@luot/contract';
import { FEED_EVENT_NAMES, SERVER_EVENTS } from './contract';
import { apiGet } from './api';
import { noteCentreZone } from './centre-zone';
import { QueueFeed } from './queue-feed';
import { serverNow } from './server-time';
import { getSocket, isConnected, listen, listenConnection, requestSync } from './socket';

/** Where the live connection stands; `connecting` only until the first answer. */
export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/** What `useQueueState` gives a screen. */
export interface QueueState {
  /** Null until the first snapshot arrives. */
  state: StateSnapshot | null;
  connection: ConnectionStatus;
}

/** Options for `useQueueState`. */
export interface QueueStateOptions {
  /** Called once per feed event, in seq order, after it is applied (e.g. to announce a call). */
  onEvent?: (envelope: FeedEnvelope) => void;
}

/** How often a screen checks whether the service day has turned. */
const DAY_CHECK_MS = 30_000;

/** Every event of the feed (not the snapshot, not the live-only printing events). */
const FEED_EVENTS = FEED_EVENT_NAMES;

/**
 * The live queue state: a snapshot on connect, then every feed event applied in seq
 * order; after a reconnect it syncs from the last applied seq so nothing is missed
 * and nothing is applied twice.
 */
export function useQueueState(options: QueueStateOptions = {}): QueueState {
  const [state, setState] = useState<StateSnapshot | null>(null);
  const [connection, setConnection] = useState<ConnectionStatus>(() =>
    isConnected() ? 'online' : 'connecting',
  );
  const onEvent = useEffectEvent((envelope: FeedEnvelope) => options.onEvent?.(envelope));

  useEffect(() => {
    const feed = new QueueFeed(
      requestSync,
      {
        onState: (next) => {
          noteCentreZone(next.centre.timeZone);
          setState(next);
        },
        onEvent: (envelope) => onEvent(envelope),
        onError: (error) => console.error('Luot: catching up failed; trying again', error),
      },
      { fetchSnapshot: () => apiGet<StateSnapshot>('/api/state') },
    );
    const unsubscribers = [
      listen(SERVER_EVENTS.snapshot, (snapshot) => feed.receiveSnapshot(snapshot)),
      ...FEED_EVENTS.map((type) =>
        listen(type, (payload: FeedEnvelope['payload']) =>
          feed.receiveEvent({ type, payload } as FeedEnvelope),
        ),
      ),
      listen(SERVER_EVENTS.printerStatus, (report) => feed.receivePrinterStatus(report)),
      listen(SERVER_EVENTS.printerRemoved, (removed) => feed.receivePrinterRemoved(removed)),
      listenConnection((up) => {
        setConnection(up ? 'online' : 'offline');
        if (up) void feed.reconnected();
      }),
    ];
    if (getSocket().connected) {
      // The socket was already open, so its snapshot went to an earlier subscriber.
      apiGet<StateSnapshot>('/api/state').then(
        (snapshot) => {
          if (feed.current === null) feed.receiveSnapshot(snapshot);
        },
        (error: unknown) => console.error('Luot: could not load the state', error),
      );
    }
    // By the server's clock, so a screen PC with a wrong date still turns the day with the centre.
    const dayCheck = setInterval(() => feed.rollDay(serverNow().getTime()), DAY_CHECK_MS);
    return () => {
      unsubscribers.forEach((unsubscribe) => unsubscribe());
      clearInterval(dayCheck);
      feed.dispose();
    };
  }, []);

  return { state, connection };
}
