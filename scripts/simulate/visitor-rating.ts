import { rate } from '../history/behaviour';
import type { SimClient } from './http';
import type { Ledger, TicketRecord } from './ledger';
import type { Timeline } from './scheduler';
import type { Visitor } from './workload';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** The rating settings as `rate()` of seed:history takes them. */
export interface RatingModel {
  enabled: boolean;
  levels: number[];
  lowThreshold: number;
  reasons: string[];
}

/**
 * A visitor who was served rates it a few seconds later on the counter screen: mostly
 * satisfied, less so after a wait past the service's target (seed:history's `rate`), with
 * reasons for a low level. Sent as the counter screen sends it.
 */
export function rateLater(
  context: {
    ledger: Ledger;
    scheduler: Timeline;
    screen: SimClient;
    rating: RatingModel;
    targetWait: (serviceId: number) => number;
  },
  visitor: Visitor,
  record: TicketRecord,
): void {
  const { ledger, scheduler } = context;
  const waited = ((record.firstCalledAt ?? record.issuedAt) - record.issuedAt) / MINUTE;
  const rating = rate(
    context.rating,
    waited / context.targetWait(record.serviceId),
    visitor.random,
  );
  scheduler.after(Math.round(visitor.random.logNormalMean(15 * SECOND, 0.5)), async () => {
    const answer = await context.screen.post(
      `/api/tickets/${record.id}/rating`,
      'POST /api/tickets/:id/rating',
      rating.reasons.length > 0
        ? { level: rating.level, reasons: rating.reasons }
        : { level: rating.level },
    );
    if (answer.status === 201) {
      ledger.ratingsSent += 1;
      record.rated = true;
    } else ledger.ratingsRefused += 1;
  });
}
