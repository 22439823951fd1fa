import type { Page } from 'playwright-core';
import type { TicketResponse } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { seriousViolations } from '../support/axe';
import { SERVICE, act, issue, patchSettings } from '../support/queue-helpers';
import { staffCounters } from '../support/staffing';
import { DISPLAY_SIZES, layoutProblems, saveScreenshot } from './display-fit';
import type { PageElement, PageStyle } from './page-dom';
import { describeInChromium, waitForText } from './harness';

/** How soon the hall screen must show a call made through the API. */
const CALL_SHOWN_MS = 1000;

/** What must be wholly on screen on a hall display with calls. */
const KEY_ELEMENTS = [
  'centre-name',
  'clock',
  'latest-number',
  'latest-counter',
  'recent-calls',
  'waiting-list',
] as const;

declare function getComputedStyle(element: PageElement): PageStyle;

/** The background colour of an element, as the browser computed it. */
const background = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element: PageElement) => getComputedStyle(element).backgroundColor);

describeInChromium('the hall display’s layout, in Chromium', ({ open, server }) => {
  let admin: ApiClient;
  let visitor: ApiClient;

  beforeAll(async () => {
    // Seated before any display connects: no event announces it.
    staffCounters(server());
    admin = new ApiClient(server().url);
    await admin.login(server().adminUsername, server().adminPassword);
    visitor = new ApiClient(server().url);
  });

  /** Issues a ticket for a service and calls it at a counter; returns its number. */
  async function callAt(serviceId: number, counterId: number, priorityClass?: string) {
    const issued = await issue(visitor, serviceId, priorityClass);
    const called = await act<TicketResponse>(admin, counterId, 'call-next');
    expect(called.ticket.number).toBe(issued.ticket.number);
    await act(admin, counterId, 'start');
    return called.ticket.number;
  }

  /** A display at a size, its first state shown. */
  async function openDisplay(path: string, width: number, height: number) {
    const display = await open(path, width, height);
    await display.getByTestId('waiting-list').waitFor();
    return display;
  }

  for (const size of DISPLAY_SIZES) {
    test(`at ${size.width}×${size.height} a call made through the API shows within 1 s and the screen fits without scrolling`, async () => {
      // Arrange: earlier calls fill the list under the newest one.
      for (let i = 0; i < 3; i++) await callAt(SERVICE.DDTN, 3);
      const display = await openDisplay('/display', size.width, size.height);

      // Act
      const number = await callAt(SERVICE.DKKD, 1);

      // Assert
      await waitForText(display, 'latest-number', number, CALL_SHOWN_MS);
      await waitForText(display, 'latest-counter', '1', CALL_SHOWN_MS);
      expect(await display.getByTestId('recent-call').count()).toBeGreaterThanOrEqual(3);
      expect(await layoutProblems(display, KEY_ELEMENTS)).toEqual([]);
      // The date in Vietnamese, by the server's clock (its first tick after the snapshot).
      await display
        .getByTestId('clock')
        .filter({ hasText: /\d\d:\d\d:\d\dThứ Sáu, 27\/11\/2026$/ })
        .waitFor({ timeout: 2000 });
      expect(await seriousViolations(display)).toEqual([]);
      await saveScreenshot(display, `display-${size.name}`);
    }, 60000);
  }

  test('a priority call is red, names its class, and stays marked among the earlier calls', async () => {
    const display = await openDisplay('/display', 1920, 1080);

    const priority = await callAt(SERVICE.DKKD, 2, 'elderly');
    await waitForText(display, 'latest-number', priority, CALL_SHOWN_MS);
    expect(await display.getByTestId('latest-priority').textContent()).toBe(
      'Ưu tiên · Người cao tuổi',
    );
    const priorityColour = await background(display, '[data-testid="latest-call"]');

    const normal = await callAt(SERVICE.DKKD, 1);
    await waitForText(display, 'latest-number', normal, CALL_SHOWN_MS);
    expect(await display.getByTestId('latest-priority').count()).toBe(0);
    expect(await background(display, '[data-testid="latest-call"]')).not.toBe(priorityColour);

    const earlier = display.locator('[data-testid="recent-call"]', { hasText: priority });
    expect(await earlier.getAttribute('data-priority')).toBe('true');
    expect(await earlier.textContent()).toContain('Ưu tiên');
    const plain = display.locator('[data-testid="recent-call"][data-priority="false"]');
    expect(await background(display, '[data-testid="recent-call"][data-priority="true"]')).not.toBe(
      await plain
        .first()
        .evaluate((element: PageElement) => getComputedStyle(element).backgroundColor),
    );
  }, 60000);

  test('the centre’s name and the ticker an admin sets show at once, and an emptied ticker goes', async () => {
    const display = await openDisplay('/display', 1080, 1920);
    expect(await display.getByTestId('ticker').count()).toBe(0);

    await patchSettings(admin, {
      centreName: 'Trung tâm Phục vụ hành chính công tỉnh Bà Rịa – Vũng Tàu',
      tickerText: 'Trung tâm nghỉ Tết Nguyên đán từ ngày 14/02 đến hết ngày 22/02.',
    });

    await waitForText(
      display,
      'centre-name',
      'Trung tâm Phục vụ hành chính công tỉnh Bà Rịa – Vũng Tàu',
      2000,
    );
    await waitForText(
      display,
      'ticker',
      'Trung tâm nghỉ Tết Nguyên đán từ ngày 14/02 đến hết ngày 22/02.',
      2000,
    );
    expect(await layoutProblems(display, ['centre-name', 'ticker', 'waiting-list'])).toEqual([]);
    expect(await seriousViolations(display)).toEqual([]);

    await patchSettings(admin, { tickerText: '' });
    await display.getByTestId('ticker').waitFor({ state: 'detached', timeout: 2000 });
  }, 60000);

  test('?services= shows only those services’ calls and queues, and says so', async () => {
    const all = await openDisplay('/display', 1920, 1080);
    const wing = await openDisplay('/display?services=DDTN', 1920, 1080);
    expect(await wing.getByTestId('display-filter').textContent()).toBe(
      'Màn hình này chỉ hiện: Đất đai – Tài nguyên môi trường',
    );
    expect(await wing.locator('[data-testid^="waiting-"][data-testid$="N"]').count()).toBe(1);
    expect(await wing.getByTestId('waiting-DKKD').count()).toBe(0);

    const land = await callAt(SERVICE.DDTN, 3);
    const business = await callAt(SERVICE.DKKD, 1);

    await waitForText(all, 'latest-number', business, CALL_SHOWN_MS);
    await waitForText(wing, 'latest-number', land, CALL_SHOWN_MS);
    expect(await wing.getByTestId('display').textContent()).not.toContain(business);
  }, 60000);

  test('while the network is cut the display says “mất kết nối”, and calls made meanwhile show after it returns', async () => {
    const display = await openDisplay('/display', 1920, 1080);
    const before = await callAt(SERVICE.DKKD, 1);
    await waitForText(display, 'latest-number', before, CALL_SHOWN_MS);

    await display.context().setOffline(true);
    await display.getByTestId('offline-banner').waitFor({ timeout: 5000 });
    expect(await display.getByTestId('offline-banner').textContent()).toContain('Mất kết nối');
    const first = await callAt(SERVICE.DDTN, 3);
    const second = await callAt(SERVICE.DKKD, 2);
    await display.context().setOffline(false);

    await display.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 15000 });
    await waitForText(display, 'latest-number', second, 5000);
    const recent = (await display.getByTestId('recent-calls').textContent()) ?? '';
    expect(recent).toContain(first);
    expect(recent).toContain(before);
  }, 60000);
});
