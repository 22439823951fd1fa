import type { RequestHandler } from 'express';
import type { LiveWork } from '../services/reports/live-work';

/** Requests that are background work themselves: the report thread never waits for them. */
const BACKGROUND = '/api/reports/';

/**
 * Counts every request but the reports' own while it is served, in the gauge the report
 * thread reads: a report steps aside while a kiosk issues or a clerk calls
 * (services/reports/live-work.ts). Mounted after the body is read, so a client trickling
 * a body is not counted. A request stops counting once, when its response closes
 * (finished or cut off) or its connection does: a pipelined request whose response was
 * still queued when the socket closed never gets its response's `close`.
 */
export function countLiveRequests(live: LiveWork): RequestHandler {
  return (req, res, next) => {
    const socket = req.socket;
    // Routing ignores case: so does this test, or /API/reports/… would wait for itself.
    if (req.path.toLowerCase().startsWith(BACKGROUND) || socket.destroyed) {
      next();
      return;
    }
    live.begin();
    let counted = true;
    const end = () => {
      if (!counted) return;
      counted = false;
      res.off('close', end);
      socket.off('close', end);
      live.end();
    };
    res.once('close', end);
    socket.once('close', end);
    next();
  };
}
