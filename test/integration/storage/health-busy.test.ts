import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { HealthResponse } from '../../../server/src/contract/http';
import { openDatabase, type Database } from '../../../server/src/storage/database';
import { ApiClient } from '../../support/api-client';
import { ManualClock, startTestServer, type TestServer } from '../../support/test-server';
import { HEALTHY } from '../../support/health';

/**
 * While another connection holds the database's write lock (the report thread builds a
 * pack in one transaction), the health probe answers at once instead of waiting in
 * SQLite's busy handler on the event loop; a writer at work is no disk fault.
 */
describe('/api/health while another connection writes', () => {
  let server: TestServer;
  let other: Database;

  beforeEach(async () => {
    server = await startTestServer({ clock: new ManualClock() });
    other = openDatabase(path.join(server.dataDir, 'luot.db'));
  });
  afterEach(async () => {
    other.close();
    await server.stop();
  });

  test('answers ok at once, and probes the disk again once the lock is free', async () => {
    const client = new ApiClient(server.url);
    other.raw.prepare('BEGIN IMMEDIATE').run();
    let start = performance.now();
    const during = await client.get<HealthResponse>('/api/health');
    const tookDuring = performance.now() - start;
    other.raw.prepare('COMMIT').run();

    expect(during.status).toBe(200);
    expect(during.body).toEqual(HEALTHY);
    // The busy timeout is 5 s: waiting for the lock would take that long.
    expect(tookDuring).toBeLessThan(1_000);
    // The connection's busy timeout is back for every other write.
    expect(server.server.application.repos.db.raw.pragma('busy_timeout', { simple: true })).toBe(
      5_000,
    );

    start = performance.now();
    const probe = server.server.application.repos.health.probeWrite(Date.now());
    expect(probe).toBe('written');
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});
