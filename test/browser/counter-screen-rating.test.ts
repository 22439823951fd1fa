import type { Page } from 'playwright-core';
import type { Device } from '../../server/src/contract';
import { DEFAULT_RATING } from '../../server/src/contract/settings';
import { API_TIMEOUT_MS } from '../../ui-shared/src/api';
import {
  addClerk,
  errorOf,
  expectStatus,
  issue,
  patchSettings,
  SERVICE,
} from '../support/queue-helpers';
import { ApiClient } from '../support/api-client';
import { eventually } from '../support/eventually';
import { seriousViolations } from '../support/axe';
import { saveScreenshot } from './display-fit';
import { LIVE_DEADLINE_MS, describeInChromium, waitForText } from './harness';

/** The counter the screens stand above (counter number 1 serves DKKD in the demo centre). */
const COUNTER_ID = 1;
const SCREEN = `/display/counter/${COUNTER_ID}`;
/** How long the thanks and an error stay (display-ui/src/counter-screen/use-rating.ts). */
const THANKS_MS = 5000;
const FAILED_MS = 6000;
/** How long a freshly paired screen says its name (display-ui/src/counter-screen). */
const WELCOME_MS = 4000;
/** The screen polls its pairing request this often (ui-shared/src/use-pairing.ts). */
const POLL_MS = 3000;

/** The sizes the counter screen is designed for: landscape, portrait tablet, small panel. */
const SIZES = [
  [1280, 800],
  [800, 1280],
  [1024, 600],
] as const;

/** The little of the DOM that `expectFits` reads in the page (tests build without DOM types). */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}
interface PageElement {
  getBoundingClientRect(): Box;
  scrollWidth: number;
  scrollHeight: number;
  clientWidth: number;
  clientHeight: number;
  children: { length: number };
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  className: unknown;
}
declare const window: { innerWidth: number; innerHeight: number };
declare const document: {
  documentElement: PageElement;
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare function getComputedStyle(element: PageElement): { overflowX: string };

/**
 * Fails unless the page fits its viewport: no scrolling, every element of the screen
 * inside the viewport, and no text wider than its box (the big numbers, the labels).
 */
async function expectFits(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const { innerWidth: w, innerHeight: h } = window;
    const root = document.documentElement;
    if (root.scrollWidth > w || root.scrollHeight > h) {
      found.push(`page scrolls: ${root.scrollWidth}×${root.scrollHeight} in ${w}×${h}`);
    }
    for (const el of document.querySelectorAll('.counter-screen *')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const name = el.dataset.testid ?? String(el.className);
      if (rect.left < -1 || rect.top < -1 || rect.right > w + 1 || rect.bottom > h + 1) {
        found.push(`${name} outside the viewport: ${JSON.stringify(rect)}`);
      }
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
        found.push(`${name} clips its content`);
      }
      if (
        el.children.length === 0 &&
        el.textContent?.trim() &&
        (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      ) {
        found.push(
          `${name} text overflows: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
        );
      }
    }
    return found;
  });
  expect(problems).toEqual([]);
}

describeInChromium('the counter screen and the visitor rating, in Chromium', (harness) => {
  const { open, server, clock } = harness;
  let admin: ApiClient;
  let clerk: ApiClient;
  let visitor: ApiClient;

  beforeAll(async () => {
    admin = new ApiClient(server().url);
    await admin.login(server().adminUsername, server().adminPassword);
    visitor = new ApiClient(server().url);
    clerk = await addClerk(server(), 'lan.nguyen');
    expectStatus(await clerk.post(`/api/counters/${COUNTER_ID}/sign-in`), 200);
  });

  /** The rating stored for a ticket, read from the server's database. */
  const storedRating = (ticketId: number) =>
    server().server.application.repos.ratings.byTicket(ticketId);

  // Whatever an earlier test left at the counter is finished, so each starts from a free desk.
  beforeEach(async () => {
    await clerk.post(`/api/counters/${COUNTER_ID}/start`);
    await clerk.post(`/api/counters/${COUNTER_ID}/finish`);
  });

  /** A visitor takes a number and the clerk calls it to the counter; returns the ticket. */
  async function callOne(): Promise<{ id: number; number: string }> {
    await issue(visitor, SERVICE.DKKD);
    const called = expectStatus(
      await clerk.post<{ ticket: { id: number; number: string } }>(
        `/api/counters/${COUNTER_ID}/call-next`,
      ),
      200,
    );
    return called.ticket;
  }

  /** The clerk starts and finishes the ticket the counter has called. */
  async function finish(): Promise<void> {
    expectStatus(await clerk.post(`/api/counters/${COUNTER_ID}/start`), 200);
    expectStatus(await clerk.post(`/api/counters/${COUNTER_ID}/finish`), 200);
  }

  /** Opens the counter screen and waits until it shows its counter. */
  async function openScreen(width: number, height: number): Promise<Page> {
    const page = await open(SCREEN, width, height);
    await waitForText(page, 'cs-counter-number', '1', LIVE_DEADLINE_MS + 3000);
    return page;
  }

  test('shows the counter, the clerk and the number being served, live', async () => {
    const page = await openScreen(1280, 800);

    await waitForText(page, 'cs-clerk-name', 'Cán bộ lan.nguyen', LIVE_DEADLINE_MS);
    expect(await page.getByTestId('cs-idle').getAttribute('data-status')).toBe('open');
    expect(await page.getByTestId('cs-idle').textContent()).toContain('Mời công dân đến quầy');

    const ticket = await callOne();
    await waitForText(page, 'cs-current-number', ticket.number, LIVE_DEADLINE_MS);
    expect(await page.locator('.cs-now-label').textContent()).toBe('Mời số');
    await finish();
    // The centre's default: rate after every finished ticket.
    await page.getByTestId('rating-levels').waitFor({ timeout: LIVE_DEADLINE_MS });
  }, 60000);

  test('asks after the clerk finishes; "Rất hài lòng" is stored, thanked, and a second rating is refused', async () => {
    const page = await openScreen(1280, 800);
    const ticket = await callOne();
    await waitForText(page, 'cs-current-number', ticket.number, LIVE_DEADLINE_MS);

    await finish();

    await page.getByTestId('rating-levels').waitFor({ timeout: LIVE_DEADLINE_MS });
    await waitForText(page, 'rating-ticket', `Số thứ tự ${ticket.number}`, 500);
    // Best first, from the left, as Vietnamese centres show them.
    const labels = await page.locator('.cs-level-label').allTextContents();
    expect(labels).toEqual(['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng']);
    const boxes = await Promise.all(
      [4, 1].map((level) => page.getByTestId(`rate-level-${level}`).boundingBox()),
    );
    expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);

    const sent = page.waitForRequest((r) => r.url().endsWith(`/api/tickets/${ticket.id}/rating`));
    await page.getByTestId('rate-level-4').click();
    const request = await sent;
    expect(request.postDataJSON()).toEqual({ level: 4 });
    expect(request.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);

    await waitForText(
      page,
      'rating-thanks',
      'Cảm ơn quý khách!Ý kiến của quý khách giúp chúng tôi phục vụ tốt hơn.',
      LIVE_DEADLINE_MS,
    );
    expect(storedRating(ticket.id)).toMatchObject({
      ticketId: ticket.id,
      counterId: COUNTER_ID,
      level: 4,
      reasons: [],
    });
    const again = await visitor.post(`/api/tickets/${ticket.id}/rating`, { level: 1 });
    expect(errorOf(again, 409).code).toBe('already_rated');

    // Thanks, then back to the counter.
    await page.getByTestId('cs-idle').waitFor({ timeout: THANKS_MS + 2000 });
  }, 60000);

  test('fits 1280×800, 800×1280 and 1024×600 with no serious accessibility finding; a low score is stored with two reasons', async () => {
    const pages = await Promise.all(SIZES.map(([w, h]) => openScreen(w, h)));
    /** Checks the page fits and is accessible, and keeps a screenshot for CI. */
    const check = async (page: Page, state: string) => {
      await expectFits(page);
      expect(await seriousViolations(page)).toEqual([]);
      const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
      await saveScreenshot(page, `counter-screen-${state}-${width}x${height}`);
    };
    const ticket = await callOne();
    for (const page of pages) {
      await waitForText(page, 'cs-current-number', ticket.number, LIVE_DEADLINE_MS);
      await check(page, 'serving');
    }

    await finish();
    for (const page of pages) {
      await page.getByTestId('rating-levels').waitFor({ timeout: LIVE_DEADLINE_MS });
      await check(page, 'levels');
      await page.getByTestId('rate-level-1').click();
      await page.getByTestId('rating-reasons').waitFor();
      await check(page, 'reasons');
    }

    // Act: on the portrait tablet, two reasons, then "Gửi".
    const [landscape, portrait, small] = pages as [Page, Page, Page];
    // "Gửi" waits for one or more reasons.
    expect(await portrait.getByTestId('rate-send').isDisabled()).toBe(true);
    await portrait.getByTestId('rate-reason-0').click();
    expect(await portrait.getByTestId('rate-send').isEnabled()).toBe(true);
    await portrait.getByTestId('rate-reason-2').click();
    await portrait.getByTestId('rate-reason-1').click();
    await portrait.getByTestId('rate-reason-1').click();
    expect(await portrait.getByTestId('rate-reason-0').getAttribute('aria-pressed')).toBe('true');
    expect(await portrait.getByTestId('rate-reason-1').getAttribute('aria-pressed')).toBe('false');
    await portrait.getByTestId('rate-send').click();

    // Assert: stored with both reasons, thanked.
    await portrait.getByTestId('rating-thanks').waitFor({ timeout: LIVE_DEADLINE_MS });
    await check(portrait, 'thanks');
    expect(storedRating(ticket.id)).toMatchObject({
      level: 1,
      reasons: [DEFAULT_RATING.reasons[0], DEFAULT_RATING.reasons[2]],
    });

    // The other screens of the same counter are told, in Vietnamese, that it is done.
    for (const page of [landscape, small]) {
      await page.getByTestId('rate-reason-1').click();
      await page.getByTestId('rate-send').click();
      await waitForText(
        page,
        'rating-error',
        'Không gửi được đánh giá. Số thứ tự này đã được đánh giá.',
        LIVE_DEADLINE_MS,
      );
      await check(page, 'error');
    }
    await landscape.getByTestId('cs-idle').waitFor({ timeout: FAILED_MS + 2000 });
  }, 90000);

  test('goes back to idle, in Vietnamese, after the idle time untouched; a visitor who leaves on the reasons step leaves the level alone; a new call ends the question', async () => {
    await patchSettings(admin, { rating: { ...DEFAULT_RATING, idleSeconds: 5 } });
    const page = await openScreen(1024, 600);

    // Untouched: idle again after 5 s, nothing stored, and Vietnamese for the next visitor.
    await page.getByTestId('lang-toggle').click();
    await waitForText(
      page,
      'cs-idle',
      'Please come to the counter when calledPlease watch for your number on the hall display',
      LIVE_DEADLINE_MS,
    );
    const first = await callOne();
    await finish();
    await page.getByTestId('rating-levels').waitFor({ timeout: LIVE_DEADLINE_MS });
    expect(await page.locator('.cs-level-label').allTextContents()).toEqual([
      'Very satisfied',
      'Satisfied',
      'Neutral',
      'Dissatisfied',
    ]);
    const asked = Date.now();
    await page.getByTestId('cs-idle').waitFor({ timeout: 5000 + 2000 });
    expect(Date.now() - asked).toBeGreaterThan(4000);
    expect(storedRating(first.id)).toBeUndefined();
    expect(await page.getByTestId('cs-idle').textContent()).toContain('Mời công dân đến quầy');

    // A low level, a reason ticked but not sent, then nobody: the level alone is stored.
    const second = await callOne();
    await finish();
    await page.getByTestId('rate-level-2').click();
    await page.getByTestId('rate-reason-0').click();
    await page.getByTestId('cs-idle').waitFor({ timeout: 5000 + 2000 });
    const alone = await eventually(() => storedRating(second.id), {
      timeoutMs: LIVE_DEADLINE_MS,
      what: 'the level of a visitor who walked away',
    });
    expect(alone).toMatchObject({ level: 2, reasons: [] });
    expect(await page.getByTestId('rating-thanks').count()).toBe(0);

    // The clerk calls the next number while the question is open: the question ends.
    const third = await callOne();
    await finish();
    await page.getByTestId('rating-levels').waitFor({ timeout: LIVE_DEADLINE_MS });
    const next = await callOne();
    await waitForText(page, 'cs-current-number', next.number, LIVE_DEADLINE_MS);
    expect(storedRating(third.id)).toBeUndefined();
    await finish();
    await patchSettings(admin, { rating: DEFAULT_RATING });
  }, 60000);

  test('gives up a rating the server never answers after 10 s: the error, then the counter again', async () => {
    const page = await openScreen(1280, 800);
    // The rating request reaches no server and no answer ever comes (a stalled connection).
    let hung = 0;
    await page.route('**/api/tickets/*/rating', () => {
      hung += 1;
    });
    const ticket = await callOne();
    await finish();
    await page.getByTestId('rating-levels').waitFor({ timeout: LIVE_DEADLINE_MS });

    await page.getByTestId('rate-level-4').click();
    await page.getByTestId('rating-sending').waitFor({ timeout: 2000 });
    const sentAt = Date.now();

    await waitForText(
      page,
      'rating-error',
      'Không gửi được đánh giá. Không kết nối được máy chủ. Vui lòng thử lại.',
      API_TIMEOUT_MS + 3000,
    );
    expect(Date.now() - sentAt).toBeGreaterThan(API_TIMEOUT_MS - 1000);
    expect(hung).toBe(1);
    expect(storedRating(ticket.id)).toBeUndefined();
    await page.getByTestId('cs-idle').waitFor({ timeout: FAILED_MS + 2000 });
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  }, 60000);

  test('refuses a rating after the window closes, on the screen and through the API', async () => {
    const page = await openScreen(1280, 800);
    const late = await callOne();
    await finish();
    await page.getByTestId('rating-levels').waitFor({ timeout: LIVE_DEADLINE_MS });

    clock().advance((DEFAULT_RATING.windowMinutes + 1) * 60_000);
    await page.getByTestId('rate-level-3').click();

    await waitForText(
      page,
      'rating-error',
      'Không gửi được đánh giá. Đã hết thời gian đánh giá cho số thứ tự này.',
      LIVE_DEADLINE_MS,
    );
    const refused = await visitor.post(`/api/tickets/${late.id}/rating`, { level: 4 });
    expect(errorOf(refused, 409).code).toBe('rating_closed');
    expect(storedRating(late.id)).toBeUndefined();
    await page.getByTestId('cs-idle').waitFor({ timeout: FAILED_MS + 2000 });
  }, 60000);

  test('under the paired policy it pairs from its own screen for its counter, and only it may rate', async () => {
    const page = await openScreen(1280, 800);
    // Taken before the kiosks must pair (a paired kiosk would issue it afterwards).
    await issue(visitor, SERVICE.DKKD);
    await patchSettings(admin, { kioskPolicy: 'paired' });

    // The screen shows a code for the administrator, naming itself a counter screen.
    const code = page.getByTestId('pairing-code');
    await code.waitFor({ timeout: LIVE_DEADLINE_MS });
    expect(await page.getByTestId('pairing-screen').textContent()).toContain(
      'Ghép nối màn hình quầy',
    );
    await expectFits(page);
    expect(await seriousViolations(page)).toEqual([]);
    const approved = await admin.post<{ device: Device }>('/api/devices/pair', {
      code: (await code.textContent()) ?? '',
      name: 'Màn hình quầy 1',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.device).toMatchObject({ kind: 'counter', counterId: COUNTER_ID });

    await waitForText(
      page,
      'cs-paired',
      'Đã ghép nối màn hình quầy: Màn hình quầy 1',
      POLL_MS + LIVE_DEADLINE_MS,
    );
    await waitForText(page, 'cs-device-name', 'Thiết bị: Màn hình quầy 1', 6000);
    // After the greeting, the counter again.
    await page.getByTestId('cs-idle').waitFor({ timeout: WELCOME_MS + 2000 });

    // The paired screen rates; anyone else is refused.
    const ticket = expectStatus(
      await clerk.post<{ ticket: { id: number; number: string } }>(
        `/api/counters/${COUNTER_ID}/call-next`,
      ),
      200,
    ).ticket;
    await finish();
    await page.getByTestId('rating-levels').waitFor({ timeout: LIVE_DEADLINE_MS });
    const anonymous = await visitor.post(`/api/tickets/${ticket.id}/rating`, { level: 4 });
    expect(anonymous.status).toBe(403);
    await page.getByTestId('rate-level-3').click();
    await page.getByTestId('rating-thanks').waitFor({ timeout: LIVE_DEADLINE_MS });
    expect(storedRating(ticket.id)).toMatchObject({ level: 3 });
  }, 60000);
});
