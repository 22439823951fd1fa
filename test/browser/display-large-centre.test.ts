import type { TicketResponse } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { seriousViolations } from '../support/axe';
import { act, issue } from '../support/queue-helpers';
import { staffCounters } from '../support/staffing';
import type { TestServer } from '../support/test-server';
import { DISPLAY_SIZES, isEllipsized, layoutProblems, saveScreenshot } from './display-fit';
import { describeInChromium, waitForText } from './harness';

/** The demo centre has 9 services and 12 counters; this one grows to 40 of each. */
const SERVICES = 40;
const COUNTERS = 40;
/** The widest number a centre can have: a three-letter prefix of wide capitals. */
const WIDE_PREFIX = 'WMW';
const LONG_COUNTER_NAME =
  'Quầy 40 – Tiếp nhận và trả kết quả hồ sơ đất đai, xây dựng, giao thông và tư pháp';

/**
 * Grows the demo centre to 40 services with long names and 40 counters, straight in the
 * database before any screen connects; counter 40 serves the last service, whose prefix is
 * the widest allowed. Returns that service's id.
 */
function seedLargeCentre(server: TestServer): number {
  const { repos } = server.server.application;
  let last = 0;
  for (let n = repos.services.count() + 1; n <= SERVICES; n++) {
    last = repos.services.insert({
      code: `TT${n}`,
      name: `Thủ tục số ${n} – Cấp, đổi, cấp lại giấy chứng nhận và xác nhận hồ sơ`,
      nameEn: `Procedure ${n}`,
      prefix: n === SERVICES ? WIDE_PREFIX : `Q${n}`,
      agency: 'Sở Nội vụ',
      targetWaitMinutes: 20,
      defaultServiceMinutes: 10,
      sortOrder: n,
      active: true,
      dailyCap: null,
      cutoffMinutes: null,
    });
  }
  for (let n = repos.counters.list().length + 1; n <= COUNTERS; n++) {
    repos.counters.insert({ number: n, name: n === COUNTERS ? LONG_COUNTER_NAME : `Quầy ${n}` }, [
      { serviceId: n === COUNTERS ? last : Math.min(n, SERVICES - 1), tier: 1 },
    ]);
  }
  staffCounters(server);
  return last;
}

describeInChromium(
  'the hall display of a centre with 40 services and 40 counters, in Chromium',
  ({ open, server }) => {
    let admin: ApiClient;
    let visitor: ApiClient;
    let wideService: number;
    let counter40: number;

    beforeAll(async () => {
      wideService = seedLargeCentre(server());
      counter40 = server()
        .server.application.repos.counters.list()
        .find((c) => c.number === COUNTERS)?.id as number;
      admin = new ApiClient(server().url);
      await admin.login(server().adminUsername, server().adminPassword);
      visitor = new ApiClient(server().url);
    });

    for (const size of DISPLAY_SIZES) {
      test(`at ${size.width}×${size.height} the widest number at counter 40 fits, its long name ends in an ellipsis, and the queues come in pages`, async () => {
        const display = await open('/display', size.width, size.height);
        await display.getByTestId('waiting-list').waitFor();

        const { ticket } = await issue(visitor, wideService);
        const called = await act<TicketResponse>(admin, counter40, 'call-next');
        expect(called.ticket.number).toBe(ticket.number);
        expect(ticket.number).toMatch(/^WMW\d{3}$/);

        await waitForText(display, 'latest-number', ticket.number, 1000);
        await waitForText(display, 'latest-counter', '40', 1000);
        expect(await display.getByTestId('waiting-page').textContent()).toBe('1/4');
        expect(
          await layoutProblems(display, [
            'centre-name',
            'clock',
            'latest-number',
            'latest-counter',
            'waiting-list',
            'waiting-page',
            'waiting-DKKD',
          ]),
        ).toEqual([]);
        expect(await display.getByTestId('latest-counter-name').textContent()).toBe(
          LONG_COUNTER_NAME,
        );
        expect(await isEllipsized(display, '[data-testid="latest-counter-name"]')).toBe(true);
        expect(await isEllipsized(display, '[data-testid="latest-service"]')).toBe(true);
        expect(await seriousViolations(display)).toEqual([]);
        await saveScreenshot(display, `display-40-services-${size.name}`);
        await act(admin, counter40, 'start');
      }, 60000);
    }

    test('the pages of queues turn on their own every 8 s, back to the first after the last', async () => {
      const display = await open('/display', 1920, 1080);
      await waitForText(display, 'waiting-page', '1/4', 5000);
      expect(await display.getByTestId('waiting-DKKD').count()).toBe(1);

      await waitForText(display, 'waiting-page', '2/4', 10000);
      expect(await display.getByTestId('waiting-DKKD').count()).toBe(0);
      expect(await display.getByTestId('waiting-TT11').count()).toBe(1);
      expect(await layoutProblems(display, ['waiting-list', 'waiting-TT11'])).toEqual([]);
    }, 60000);
  },
);
