import type { Service } from '../../../server/src/contract';
import { expectStatus } from '../../support/queue-helpers';
import { createService, useEmptyCentre } from './support';

const { f, connect } = useEmptyCentre(['catalogue:updated', 'centre:updated']);

/** The services of the last `catalogue:updated` an open screen received. */
function lastServices(received: { type: string; payload: unknown }[]): Service[] {
  const last = received.filter((e) => e.type === 'catalogue:updated').at(-1);
  return (last?.payload as { services: Service[] } | undefined)?.services ?? [];
}

describe('opening hours and holidays, live on open kiosks', () => {
  test('a holiday added for today greys the services out on an open kiosk, and removing it reopens them', async () => {
    await createService(f.admin, { name: 'Đăng ký khai sinh', prefix: 'A' });
    const kiosk = await connect();
    // The test clock is Friday 27/11/2026, 09:00 in Asia/Ho_Chi_Minh: open by default.
    expect(kiosk.snapshots[0]?.services.map((s) => s.available)).toEqual([true]);

    expectStatus(
      await f.admin.request('PATCH', '/api/settings', { body: { holidays: ['2026-11-27'] } }),
      200,
    );
    await kiosk.waitFor(() => lastServices(kiosk.received).length > 0);
    expect(lastServices(kiosk.received).map((s) => [s.available, s.unavailableReason])).toEqual([
      [false, 'centre_closed'],
    ]);

    expectStatus(await f.admin.request('PATCH', '/api/settings', { body: { holidays: [] } }), 200);
    await kiosk.waitFor(() => lastServices(kiosk.received)[0]?.available === true);
    expect(lastServices(kiosk.received)[0]?.issuingHours.length).toBeGreaterThan(0);
  });

  test('a change that moves no service (the ticker) sends the centre alone', async () => {
    await createService(f.admin, { name: 'Đăng ký khai sinh', prefix: 'A' });
    const kiosk = await connect();

    expectStatus(
      await f.admin.request('PATCH', '/api/settings', { body: { tickerText: 'Xin chào' } }),
      200,
    );
    await kiosk.waitFor(() => kiosk.received.length > 0);
    await kiosk.roundTrip();
    expect(kiosk.received.map((e) => e.type)).toEqual(['centre:updated']);
  });
});
