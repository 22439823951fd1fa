import type { Service } from '../../../server/src/contract';
import { createService, useEmptyCentre } from './support';

const { f, connect } = useEmptyCentre(['catalogue:updated']);

/** The instant a Vietnamese wall clock reads `time` on Friday 27/11/2026. */
const friday = (time: string) => Date.parse(`2026-11-27T${time}+07:00`);

/** The services of the last `catalogue:updated` an open kiosk received. */
function lastServices(received: { type: string; payload: unknown }[]): Service[] {
  const last = received.filter((e) => e.type === 'catalogue:updated').at(-1);
  return (last?.payload as { services: Service[] } | undefined)?.services ?? [];
}

const availability = (services: Service[]) =>
  services.map((s) => [s.prefix, s.available, s.unavailableReason]);

describe('services re-announced at the boundaries of the day', () => {
  test('an open kiosk greys a service out right after its cut-off, with no tap or admin change', async () => {
    // Morning hours close at 11:30: a 30-minute cut-off stops issuing at 11:00, the centre's 15 at 11:15.
    f.clock.set(friday('10:59:59.800'));
    await createService(f.admin, { name: 'Đăng ký khai sinh', prefix: 'A', cutOff: 30 });
    await createService(f.admin, { name: 'Chứng thực bản sao', prefix: 'B' });
    const kiosk = await connect();
    expect(kiosk.snapshots[0]?.services.map((s) => s.available)).toEqual([true, true]);
    const before = kiosk.received.length;

    f.clock.advance(1_000);
    await kiosk.waitFor(() => lastServices(kiosk.received.slice(before)).length > 0);

    expect(availability(lastServices(kiosk.received))).toEqual([
      ['A', false, 'service_closed'],
      ['B', true, null],
    ]);
  });

  test('the timer waits for the next boundary: closing, then the afternoon opening', async () => {
    f.clock.set(friday('11:29:59.900'));
    await createService(f.admin, { name: 'Đăng ký khai sinh', prefix: 'A' });
    const kiosk = await connect();
    const timer = f.server.server.application.availability;
    expect(timer.nextBoundary()).toBe(friday('11:30:00'));

    f.clock.set(friday('11:30:00.000'));
    await kiosk.waitFor(() => timer.nextBoundary() === friday('13:30:00'));
    expect(availability(lastServices(kiosk.received))).toEqual([['A', false, 'centre_closed']]);

    // The real timer now waits hours; a settings change re-arms it from the moved clock.
    f.clock.set(friday('13:29:59.900'));
    await f.admin.request('PATCH', '/api/settings', { body: { tickerText: 'Xin chào' } });
    const closed = kiosk.received.length;
    f.clock.set(friday('13:30:00.000'));
    await kiosk.waitFor(() => lastServices(kiosk.received.slice(closed)).length > 0);
    expect(availability(lastServices(kiosk.received))).toEqual([['A', true, null]]);
    expect(timer.nextBoundary()).toBe(friday('16:45:00'));
  });

  test('a change of hours re-arms the timer, and stopping the server clears it', async () => {
    await createService(f.admin, { name: 'Đăng ký khai sinh', prefix: 'A' });
    const timer = f.server.server.application.availability;
    // 09:00 on the test clock: the next boundary is the centre's cut-off at 11:15.
    expect(timer.nextBoundary()).toBe(friday('11:15:00'));

    await f.admin.request('PATCH', '/api/settings', { body: { cutoffMinutes: 60 } });
    expect(timer.nextBoundary()).toBe(friday('10:30:00'));

    await f.server.stop();
    expect(timer.nextBoundary()).toBeNull();
  });
});
