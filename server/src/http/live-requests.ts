import type { RequestHandler } from 'express';
import type { LiveWork } from '../services/reports/live-work';

/** Requests that are background work themselves: the report thread never waits for them. */
const BACKGROUND = '/api/reports/';

/**
 * Counts every request but the reports' own while it is served (until its response
 * closes, finished or cut off), in the gauge the report thread reads: a report steps
 * aside while a kiosk issues or a clerk calls (services/reports/live-work.ts).
 */
export function countLiveRequests(live: LiveWork): RequestHandler {
  return (req, res, next) => {
    if (req.path.startsWith(BACKGROUND)) {
      next();
      return;
    }
    live.begin();
    res.once('close', () => live.end());
    next();
  };
}
