import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { countLiveRequests } from '../../../server/src/http/live-requests';
import { LiveWork } from '../../../server/src/services/reports/live-work';

/** A connection: closes like a socket, and may already be destroyed. */
class FakeSocket extends EventEmitter {
  destroyed = false;
}

/** Runs the middleware on a request for `path` over `socket`; its response can close. */
function serve(live: LiveWork, path: string, socket = new FakeSocket()) {
  const res = new EventEmitter();
  let passedOn = false;
  countLiveRequests(live)(
    { path, socket } as unknown as Request,
    res as unknown as Response,
    () => {
      passedOn = true;
    },
  );
  return { closeResponse: () => res.emit('close'), socket, res, passedOn };
}

describe('countLiveRequests', () => {
  test('counts a request from its start until its response closes', () => {
    const live = new LiveWork();
    const issue = serve(live, '/api/tickets');
    const page = serve(live, '/kiosk');
    expect(issue.passedOn && page.passedOn).toBe(true);
    expect(live.running).toBe(2);
    issue.closeResponse();
    page.closeResponse();
    expect(live.running).toBe(0);
  });

  test('ends the count when the connection closes first, once, and lets go of the socket', () => {
    const live = new LiveWork();
    const socket = new FakeSocket();
    // Two pipelined requests on one keep-alive connection: the second's response is queued.
    const first = serve(live, '/api/tickets', socket);
    serve(live, '/api/tickets', socket);
    expect(live.running).toBe(2);
    first.closeResponse();
    expect(live.running).toBe(1);
    socket.emit('close');
    expect(live.running).toBe(0);
    // A response closing after its socket never counts down twice.
    first.closeResponse();
    expect(live.running).toBe(0);
    expect(socket.listenerCount('close')).toBe(0);
  });

  test('never counts a report, whatever the path’s case: it would wait for itself', () => {
    const live = new LiveWork();
    for (const path of ['/api/reports/summary', '/API/Reports/summary']) {
      const report = serve(live, path);
      expect(report.passedOn).toBe(true);
      expect(live.running).toBe(0);
      expect(report.res.listenerCount('close')).toBe(0);
    }
  });

  test('never counts a request whose connection is already gone', () => {
    const live = new LiveWork();
    const socket = new FakeSocket();
    socket.destroyed = true;
    expect(serve(live, '/api/tickets', socket).passedOn).toBe(true);
    expect(live.running).toBe(0);
  });
});
