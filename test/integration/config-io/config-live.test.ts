import type { CentreConfig, ImportResult } from '../../../server/src/contract';
import { expectStatus } from '../../support/queue-helpers';
import { useEmptyCentre } from '../catalogue/support';
import { cookieOf, sendBytes } from './support';

const { f, connect } = useEmptyCentre(['catalogue:updated', 'centre:updated']);

describe('imports, live on open screens', () => {
  test('an imported configuration reaches an open kiosk: its services and the centre, after commit', async () => {
    const kiosk = await connect();
    expect(kiosk.snapshots[0]?.services).toEqual([]);
    const config = expectStatus(await f.admin.get<CentreConfig>('/api/config/export'), 200);
    config.settings = { ...config.settings, tickerText: 'Chào mừng quý khách' };
    config.services = [
      {
        code: 'DKKS',
        name: 'Đăng ký khai sinh',
        nameEn: 'Birth registration',
        prefix: 'A',
        group: null,
        numberRange: null,
        targetWaitMinutes: 15,
        dailyCap: null,
        cutOff: null,
        active: true,
        sortOrder: 0,
      },
    ];

    expectStatus(await f.admin.post<ImportResult>('/api/config/import', config), 200);

    await kiosk.waitFor(() => kiosk.received.some((e) => e.type === 'catalogue:updated'));
    await kiosk.waitFor(() => kiosk.received.some((e) => e.type === 'centre:updated'));
    const catalogue = kiosk.received.find((e) => e.type === 'catalogue:updated')!;
    const services = (catalogue.payload as unknown as { services: { name: string }[] }).services;
    expect(services.map((s) => s.name)).toEqual(['Đăng ký khai sinh']);
    const centre = kiosk.received.filter((e) => e.type === 'centre:updated').at(-1)!;
    expect(
      (centre.payload as unknown as { centre: { tickerText: string } }).centre.tickerText,
    ).toBe('Chào mừng quý khách');
  });

  test('a refused sheet says nothing to open screens', async () => {
    const hall = await connect();
    const cookie = await cookieOf(f.server, f.server.adminUsername, f.server.adminPassword);
    const csv = 'Mã,Tên thủ tục,Tiền tố\nA1,Thủ tục một,A\nA2,Thủ tục hai,A\n';

    const refused = await sendBytes(f.server, cookie, '/api/services/import', csv, 'text/csv');

    expect(refused.status).toBe(422);
    await hall.roundTrip();
    expect(hall.received).toEqual([]);
    const accepted = await sendBytes(
      f.server,
      cookie,
      '/api/services/import',
      csv.replace('A2,Thủ tục hai,A', 'B2,Thủ tục hai,B'),
      'text/csv',
    );
    expect(accepted.status).toBe(200);
    await hall.waitFor(() => hall.received.length === 1);
    expect(hall.received.map((e) => e.type)).toEqual(['catalogue:updated']);
  });
});
