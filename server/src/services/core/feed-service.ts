import type { FeedEnvelope, PublicSyncResult, SyncResult } from '../../contract/events';
import { DomainError } from '../../domain/errors';
import type { Repos } from '../../storage/repos';
import type { QueueReader } from '../queue/queue-reader';
import { toPublicEnvelope, type Audience } from '../queue/public-view';

/** A client further behind than this gets a snapshot instead of the events. */
export const MAX_REPLAY_EVENTS = 500;

/** Turns a stored event back into exactly what was pushed live. */
export function toEnvelope(event: {
  seq: number;
  at: number;
  type: string;
  payload: Record<string, unknown>;
}): FeedEnvelope {
  return {
    type: event.type,
    payload: { ...event.payload, seq: event.seq, at: new Date(event.at).toISOString() },
  } as FeedEnvelope;
}

/** Lets a screen catch up on what it missed. */
export class FeedService {
  constructor(
    private readonly repos: Repos,
    private readonly reader: QueueReader,
  ) {}

  /**
   * The events after `sinceSeq` in order with the printers as they are now, or a snapshot
   * when too far behind or ahead; tickets, counters and printers in their public form
   * unless `audience` is staff.
   */
  sync(sinceSeq: number, audience: 'staff'): SyncResult;
  sync(sinceSeq: number, audience?: Audience): SyncResult | PublicSyncResult;
  sync(sinceSeq: number, audience: Audience = 'public'): SyncResult | PublicSyncResult {
    if (!Number.isSafeInteger(sinceSeq) || sinceSeq < 0) {
      throw new DomainError('validation_failed', 'sinceSeq must be a whole number ≥ 0');
    }
    const last = this.repos.events.lastSeq();
    if (sinceSeq > last || last - sinceSeq > MAX_REPLAY_EVENTS) {
      return { kind: 'snapshot', snapshot: this.reader.snapshot(audience) };
    }
    const events = this.repos.events.since(sinceSeq, MAX_REPLAY_EVENTS).map(toEnvelope);
    return {
      kind: 'events',
      events: audience === 'staff' ? events : events.map(toPublicEnvelope),
      printers: this.reader.printers(audience),
    };
  }
}
