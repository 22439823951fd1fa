import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { countLiveRequests } from '../../../server/src/http/live-requests';
import { LiveWork } from '../../../server/src/services/reports/live-work';

/** Runs the middleware on a request for `path`; answers its response, which can close. */
function serve(live: LiveWork, path: string): { close(): void; passedOn: boolean } {
  const res = new EventEmitter();
  let passedOn = false;
  countLiveRequests(live)({ path } as Request, res as unknown as Response, () => {
    passedOn = true;
  });
  return { close: () => res.emit('close'), passedOn };
}

describe('countLiveRequests', () => {
  test('counts a request from its start until its response closes', () => {
    const live = new LiveWork();
    const issue = serve(live, '/api/tickets');
    const page = serve(live, '/kiosk');
    expect(issue.passedOn && page.passedOn).toBe(true);
    expect(live.running).toBe(2);
    issue.close();
    page.close();
    expect(live.running).toBe(0);
  });

  test('never counts a report: the report thread would wait for its own request', () => {
    const live = new LiveWork();
    const report = serve(live, '/api/reports/summary');
    expect(report.passedOn).toBe(true);
    expect(live.running).toBe(0);
    report.close();
    expect(live.running).toBe(0);
  });
});
