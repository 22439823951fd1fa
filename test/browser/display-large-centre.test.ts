import type { TicketResponse } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { seriousViolations } from '../support/axe';
import { act, issue } from '../support/queue-helpers';
import { staffCounters } from '../support/staffing';
import { LARGE_CENTRE_ENV, LARGE_CENTRE_SERVICES } from '../support/large-centre';
import type { TestServer } from '../support/test-server';
import { DISPLAY_SIZES, isEllipsized, layoutProblems, saveScreenshot } from './display-fit';
import { describeInChromium, waitForText } from './harness';

/** The large demo centre's services and counters: 40 of each, counter n serving service n. */
const COUNTERS = 40;
/** The widest number a centre can have: a three-letter prefix of wide capitals. */
const WIDE_PREFIX = 'WMW';
const LONG_COUNTER_NAME =
  'Quầy 40 – Tiếp nhận và trả kết quả hồ sơ đất đai, xây dựng, giao thông và tư pháp';

const first = LARGE_CENTRE_SERVICES[0];
const eleventh = LARGE_CENTRE_SERVICES[10];

/**
 * Makes the large centre's worst case for the display, straight in the database before any
 * screen connects: service 40 gets the widest prefix allowed and counter 40, which serves
 * it, a name too long for any line. Seats a clerk at every counter.
 */
function worstCase(server: TestServer): void {
  const { repos } = server.server.application;
  repos.db.run('UPDATE services SET prefix = ? WHERE id = ?', [WIDE_PREFIX, COUNTERS]);
  repos.db.run('UPDATE counters SET name = ? WHERE number = ?', [LONG_COUNTER_NAME, COUNTERS]);
  staffCounters(server);
}

describeInChromium(
  'the hall display of a centre with 40 services and 40 counters, in Chromium',
  ({ open, server }) => {
    let admin: ApiClient;
    let visitor: ApiClient;
    let counter40: number;

    beforeAll(async () => {
      worstCase(server());
      counter40 = server()
        .server.application.repos.counters.list()
        .find((c) => c.number === COUNTERS)?.id as number;
      admin = new ApiClient(server().url);
      await admin.login(server().adminUsername, server().adminPassword);
      visitor = new ApiClient(server().url);
    });

    for (const size of DISPLAY_SIZES) {
      test(`at ${size.width}×${size.height} the widest number at counter 40 fits, its long names end in an ellipsis, and the queues come in pages`, async () => {
        const display = await open('/display', size.width, size.height);
        await display.getByTestId('waiting-list').waitFor();

        const { ticket } = await issue(visitor, COUNTERS);
        const called = await act<TicketResponse>(admin, counter40, 'call-next');
        expect(called.ticket.number).toBe(ticket.number);
        expect(ticket.number).toMatch(/^WMW\d{3}$/);

        await waitForText(display, 'latest-number', ticket.number, 1000);
        await waitForText(display, 'latest-counter', '40', 1000);
        // Ten queues a page across a landscape screen, eight (whole names) down a portrait one.
        const pages = size.name === 'landscape' ? 4 : 5;
        expect(await display.getByTestId('waiting-page').textContent()).toBe(`1/${pages}`);
        expect(
          await layoutProblems(display, [
            'centre-name',
            'clock',
            'latest-number',
            'latest-counter',
            'latest-counter-name',
            'latest-service',
            'waiting-list',
            'waiting-page',
            `waiting-L${first?.prefix}`,
          ]),
        ).toEqual([]);
        expect(await display.getByTestId('latest-counter-name').textContent()).toBe(
          LONG_COUNTER_NAME,
        );
        expect(await isEllipsized(display, '[data-testid="latest-counter-name"]')).toBe(true);
        expect(await seriousViolations(display)).toEqual([]);
        await saveScreenshot(display, `display-40-services-${size.name}`);
        await act(admin, counter40, 'start');
      }, 60000);
    }

    test('the pages of queues turn on their own every 8 s', async () => {
      const display = await open('/display', 1920, 1080);
      await waitForText(display, 'waiting-page', '1/4', 5000);
      expect(await display.getByTestId(`waiting-L${first?.prefix}`).count()).toBe(1);

      await waitForText(display, 'waiting-page', '2/4', 10000);
      expect(await display.getByTestId(`waiting-L${first?.prefix}`).count()).toBe(0);
      expect(await display.getByTestId(`waiting-L${eleventh?.prefix}`).count()).toBe(1);
      expect(
        await layoutProblems(display, ['waiting-list', `waiting-L${eleventh?.prefix}`]),
      ).toEqual([]);
    }, 60000);
  },
  { env: LARGE_CENTRE_ENV },
);
