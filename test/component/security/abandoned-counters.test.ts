import { SESSION_TTL_MS } from '../../../server/src/auth/auth-service';
import type { Counter } from '../../../server/src/contract';
import { RecordingSocket } from '../../support/socket-client';
import { startTestServer } from '../../support/test-server';
import { addStaff, codeOf, signedIn, useSecurityServer } from './support';

/**
 * A clerk who closes the browser without signing out keeps the counter only while the
 * session lives: once it expires, the counter is free — for the next clerk at once, and
 * on every screen within the minute (or at the next start).
 */
describe('counters of expired sessions', () => {
  const f = useSecurityServer();

  async function holderOf(number: number, server = f.server) {
    const admin = await signedIn(server, server.adminUsername, server.adminPassword);
    const counters = await admin.get<Counter[]>('/api/counters');
    return counters.body.find((c) => c.number === number)?.staff ?? null;
  }

  beforeEach(async () => {
    await addStaff(f.server, 'lan', 'clerk');
    await addStaff(f.server, 'tam', 'clerk');
    const lan = await signedIn(f.server, 'lan');
    expect((await lan.post('/api/counters/5/sign-in')).status).toBe(200);
  });

  test('stay taken while the session lives, then go to the next clerk who asks', async () => {
    // Act
    const early = await (await signedIn(f.server, 'tam')).post('/api/counters/5/sign-in');
    f.clock.advance(SESSION_TTL_MS + 1000);
    const late = await (await signedIn(f.server, 'tam')).post('/api/counters/5/sign-in');

    // Assert
    expect(early.status).toBe(409);
    expect(codeOf(early.body)).toBe('counter_taken');
    expect(late.status).toBe(200);
    expect(await holderOf(5)).toMatchObject({ displayName: 'Cán bộ tam' });
  });

  test('are freed by the minute check, and every screen hears it', async () => {
    // Arrange
    const screen = new RecordingSocket(f.server.url, ['counter:updated']);
    await screen.waitFor(() => screen.snapshots.length > 0);
    const { counters } = f.server.server.application;

    // Act
    const beforeExpiry = counters.releaseAbandoned(f.clock.now());
    f.clock.advance(SESSION_TTL_MS + 1000);
    const afterExpiry = counters.releaseAbandoned(f.clock.now());

    // Assert
    expect([beforeExpiry, afterExpiry]).toEqual([0, 1]);
    await screen.waitFor(() => screen.received.length === 1);
    const event = screen.received[0];
    expect(event?.type === 'counter:updated' && event.payload.counter).toMatchObject({
      number: 5,
      staff: null,
    });
    expect(await holderOf(5)).toBeNull();
    screen.close();
  });

  test('are freed when the server starts again after the session expired', async () => {
    // Arrange
    await f.server.stop();
    f.clock.advance(SESSION_TTL_MS + 1000);

    // Act
    const reopened = await startTestServer({ clock: f.clock, dataDir: f.server.dataDir });

    // Assert
    try {
      expect(await holderOf(5, reopened)).toBeNull();
    } finally {
      await reopened.stop();
    }
  });
});
