import type { Page } from 'playwright-core';
import type { Counter, Ticket } from '../../server/src/contract';
import { ApiClient } from '../support/api-client';
import { STAFF_PASSWORD, addStaff } from '../support/accounts';
import { seriousViolations } from '../support/axe';
import { LIVE_DEADLINE_MS, describeInChromium, waitForText, type Harness } from './harness';
import type { PageDocument, PageWindow } from './page-dom';
import { signIn } from './sign-in';

declare const document: PageDocument;
declare const window: PageWindow;

/** A counter PC's screen. */
const WIDTH = 1366;
const HEIGHT = 768;

/** A new clerk signs in at `/counter` at 1366×768 and takes counter `number`. */
async function openCounterAs(harness: Harness, username: string, number: number): Promise<Page> {
  await addStaff(harness.server(), username, 'clerk');
  const page = await harness.open('/counter', WIDTH, HEIGHT);
  await signIn(page, username, STAFF_PASSWORD);
  await page.getByTestId(`counter-${number}`).click();
  await page.getByTestId('my-counter').waitFor();
  return page;
}

/**
 * Whether the page fits its window: nothing scrolls as a page, and the desk's last action
 * button lies wholly inside the window.
 */
async function expectFits(page: Page, state: string) {
  const fit = await page.evaluate(() => {
    const buttons = [...document.querySelectorAll('.actions .btn')];
    const last = buttons[buttons.length - 1]?.getBoundingClientRect();
    return {
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
      lastButtonBottom: last ? last.bottom : 0,
    };
  });
  expect({ state, ...fit }).toEqual({
    state,
    scrollHeight: fit.innerHeight,
    scrollWidth: fit.innerWidth,
    innerHeight: HEIGHT,
    innerWidth: WIDTH,
    lastButtonBottom: expect.any(Number),
  });
  expect(fit.lastButtonBottom).toBeGreaterThan(0);
  expect(fit.lastButtonBottom).toBeLessThanOrEqual(fit.innerHeight);
}

/** Waits until a desk button is enabled: the action before it has come back. */
async function enabled(page: Page, testId: string) {
  await page.locator(`[data-testid="${testId}"]:enabled`).waitFor({ timeout: LIVE_DEADLINE_MS });
}

/** The admin's view of a counter, from the server. */
async function counterOnServer(admin: ApiClient, id: number): Promise<Counter> {
  const response = await admin.get<Counter[]>('/api/counters');
  const counter = response.body.find((c) => c.id === id);
  if (!counter) throw new Error(`no counter ${id}`);
  return counter;
}

async function waitingNumbers(admin: ApiClient): Promise<string[]> {
  return (await admin.get<Ticket[]>('/api/tickets?list=waiting')).body.map((t) => t.number);
}

describeInChromium('the counter console for a full day’s work, in Chromium', (harness) => {
  let admin: ApiClient;

  beforeAll(async () => {
    admin = new ApiClient(harness.server().url);
    const { adminUsername, adminPassword } = harness.server();
    await admin.login(adminUsername, adminPassword);
  });

  test('serves a ticket with F1, F3 and F4 only, fitting 1366×768 in every state', async () => {
    // Arrange: counter 1, idle, one ticket waiting.
    const page = await openCounterAs(harness, 'clerk-keys', 1);
    await page.getByTestId('current-number-empty').waitFor();
    await expectFits(page, 'idle');
    expect(await seriousViolations(page)).toEqual([]);
    const issued = await admin.issue(1);
    await page
      .getByTestId(`waiting-${issued.ticket.number}`)
      .waitFor({ timeout: LIVE_DEADLINE_MS });
    expect(await page.getByTestId('keys-call-next').textContent()).toBe('F1');

    // Act & Assert: the keys only, the page fitting at each step.
    await page.keyboard.press('F1');
    await waitForText(page, 'current-number', issued.ticket.number, LIVE_DEADLINE_MS);
    await expectFits(page, 'called');
    await enabled(page, 'action-start');
    await page.keyboard.press('F3');
    await page
      .locator('[data-testid="current-status"]', { hasText: 'Đang phục vụ' })
      .waitFor({ timeout: LIVE_DEADLINE_MS });
    await expectFits(page, 'serving');
    await enabled(page, 'action-finish');
    await page.keyboard.press('F4');
    await page.getByTestId('current-number-empty').waitFor({ timeout: LIVE_DEADLINE_MS });
    await waitForText(page, 'day-served', 'Hôm nay đã phục vụ: 1', LIVE_DEADLINE_MS);
    const done = (await admin.get<Ticket[]>('/api/tickets?list=done&counterId=1')).body;
    expect(done.map((t) => t.number)).toEqual([issued.ticket.number]);

    // A long waiting list scrolls inside its panel; the page does not.
    for (let i = 0; i < 40; i += 1) await admin.issue(1);
    await page
      .locator('[data-testid^="waiting-"] >> nth=39')
      .waitFor({ timeout: LIVE_DEADLINE_MS });
    await expectFits(page, 'long waiting list');
    const list = await page.locator('.waiting-list').evaluate((el) => ({
      scroll: el.scrollHeight,
      client: el.clientHeight,
    }));
    expect(list.scroll).toBeGreaterThan(list.client);

    // A dialog open (F6 transfers a called ticket), then paused.
    await page.keyboard.press('F1');
    await page.getByTestId('current-number').waitFor({ timeout: LIVE_DEADLINE_MS });
    await enabled(page, 'action-transfer');
    await page.keyboard.press('F6');
    await page.getByTestId('transfer-submit').waitFor({ timeout: LIVE_DEADLINE_MS });
    await expectFits(page, 'transfer dialog');
    // Keys typed into the dialog are the clerk's, not the desk's.
    await page.keyboard.press('F8');
    expect(await page.getByTestId('current-number').count()).toBe(1);
    await page.getByTestId('dialog-close').click();
    await page.getByTestId('transfer-submit').waitFor({ state: 'detached' });
    await page.keyboard.press('F8');
    await page.getByTestId('no-show-confirm').waitFor();
    await expectFits(page, 'no-show confirmation');
    await page.keyboard.press('F8');
    await page.getByTestId('current-number-empty').waitFor({ timeout: LIVE_DEADLINE_MS });
    await page.getByTestId('pause').click();
    await page.getByTestId('pause-dialog').waitFor();
    await expectFits(page, 'pause dialog');
    await page.getByTestId('pause-reason').first().click();
    await page.getByTestId('paused-banner').waitFor({ timeout: LIVE_DEADLINE_MS });
    await expectFits(page, 'paused');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('resume').click();
    await page.getByTestId('pause').waitFor({ timeout: LIVE_DEADLINE_MS });
  }, 60000);

  test('in number-pad mode, + calls, Enter starts then finishes, and the legend shows', async () => {
    // Arrange
    const page = await openCounterAs(harness, 'clerk-pad', 10);
    const issued = await admin.issue(1);
    await page.getByTestId('numpad-mode').click();
    await page.getByTestId('numpad-legend').waitFor();
    expect(await page.getByTestId('keys-call-next').textContent()).toBe('F1+');

    // Act
    await page.keyboard.press('NumpadAdd');
    await page.getByTestId('current-number').waitFor({ timeout: LIVE_DEADLINE_MS });
    const called = await page.getByTestId('current-number').textContent();
    await enabled(page, 'action-start');
    await page.keyboard.press('NumpadEnter');
    await page
      .locator('[data-testid="current-status"]', { hasText: 'Đang phục vụ' })
      .waitFor({ timeout: LIVE_DEADLINE_MS });
    await enabled(page, 'action-finish');
    await page.keyboard.press('NumpadEnter');
    await page.getByTestId('current-number-empty').waitFor({ timeout: LIVE_DEADLINE_MS });

    // Assert: the ticket was served at counter 2; the mode is remembered across a reload.
    const done = (await admin.get<Ticket[]>('/api/tickets?list=done&counterId=10')).body;
    expect(done.map((t) => t.number)).toContain(called);
    expect(called).not.toBeNull();
    expect(issued.ticket.number).toBeTruthy();
    await page.reload();
    await page.getByTestId('numpad-legend').waitFor();
    await page.getByTestId('numpad-mode').click();
    await page.getByTestId('numpad-legend').waitFor({ state: 'detached' });
  }, 30000);

  test('a no-show takes two presses: one only asks, Esc, another key or 4 s cancel it', async () => {
    // Arrange: counter 11 in number-pad mode with two of its tickets waiting, one called.
    const { serviceIds } = await counterOnServer(admin, 11);
    await admin.issue(serviceIds[0] ?? 0);
    await admin.issue(serviceIds[0] ?? 0);
    const page = await openCounterAs(harness, 'clerk-no-show', 11);
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/counters/11/no-show')) sent.push(request.method());
    });
    await page.getByTestId('numpad-mode').click();
    await page.keyboard.press('F1');
    await page.getByTestId('current-number').waitFor({ timeout: LIVE_DEADLINE_MS });
    const first = (await counterOnServer(admin, 11)).currentTicket;
    await enabled(page, 'action-no-show');

    // Act: one press of the pad's minus.
    await page.keyboard.press('NumpadSubtract');

    // Assert: it only asks, in Vietnamese, fitting the screen; nothing reached the server.
    await waitForText(
      page,
      'no-show-confirm-text',
      `${first?.number} Nhấn lại − (F8) để xác nhận vắng mặt · Esc để hủy`,
      LIVE_DEADLINE_MS,
    );
    await expectFits(page, 'no-show confirmation');
    expect(await seriousViolations(page)).toEqual([]);
    expect(sent).toEqual([]);

    // Esc cancels; so does any other key; and the question lapses after 4 s.
    await page.keyboard.press('Escape');
    await page.getByTestId('no-show-confirm').waitFor({ state: 'detached' });
    await page.keyboard.press('F8');
    await page.getByTestId('no-show-confirm').waitFor();
    await page.keyboard.press('KeyA');
    await page.getByTestId('no-show-confirm').waitFor({ state: 'detached' });
    await page.keyboard.press('F8');
    await page.getByTestId('no-show-confirm').waitFor();
    await page.getByTestId('no-show-confirm').waitFor({ state: 'detached', timeout: 6000 });
    expect(sent).toEqual([]);
    expect((await counterOnServer(admin, 11)).currentTicket?.status).toBe('called');

    // Act & Assert: a fresh first press, then the second (either key) marks the no-show, once.
    await page.keyboard.press('F8');
    await page.getByTestId('no-show-confirm').waitFor();
    await page.keyboard.press('NumpadSubtract');
    await page.getByTestId('current-number-empty').waitFor({ timeout: LIVE_DEADLINE_MS });
    expect(sent).toEqual(['POST']);
    const noShows = (await admin.get<Ticket[]>('/api/tickets?list=no-show')).body;
    expect(noShows.map((t) => t.id)).toContain(first?.id);

    // The button asks once too: "No" keeps the ticket, two clicks mark it. F1 acts once
    // the no-show's answer has freed the desk (on a busy machine it can lag the screen).
    await enabled(page, 'action-call-next');
    await page.keyboard.press('F1');
    await page.getByTestId('current-number').waitFor({ timeout: LIVE_DEADLINE_MS });
    await enabled(page, 'action-no-show');
    await page.getByTestId('action-no-show').click();
    await page.getByTestId('no-show-confirm-no').click();
    await page.getByTestId('no-show-confirm').waitFor({ state: 'detached' });
    expect(sent).toEqual(['POST']);
    await page.getByTestId('action-no-show').click();
    await page.getByTestId('action-no-show').click();
    await page.getByTestId('current-number-empty').waitFor({ timeout: LIVE_DEADLINE_MS });
    expect(sent).toEqual(['POST', 'POST']);
  }, 45000);

  test('a reload, and signing in again, resume the counter chosen on this PC', async () => {
    // Arrange
    const page = await openCounterAs(harness, 'clerk-resume', 12);

    // Act & Assert: a reload comes back to counter 3.
    await page.reload();
    await page.getByTestId('my-counter').waitFor();
    expect(await page.getByTestId('my-counter').textContent()).toContain('12');

    // Signing out frees the counter; signing in again on this PC takes it again.
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-username').waitFor();
    expect((await counterOnServer(admin, 12)).staff).toBeNull();
    await signIn(page, 'clerk-resume', STAFF_PASSWORD);
    await page.getByTestId('my-counter').waitFor();
    expect(await page.getByTestId('my-counter').textContent()).toContain('12');

    // Leaving the counter forgets it: the next reload shows the picker.
    await page.getByTestId('leave-counter').click();
    await page.getByTestId('counter-12').waitFor();
    await page.reload();
    await page.getByTestId('counter-12').waitFor();
    expect(await page.getByTestId('my-counter').count()).toBe(0);
  }, 30000);

  test('an action sent offline, or whose answer was lost, is applied exactly once', async () => {
    // Arrange: counter 2 idle, tickets of its service waiting.
    const page = await openCounterAs(harness, 'clerk-offline', 2);
    await page.getByTestId('current-number-empty').waitFor();
    await page.waitForLoadState('networkidle');
    const before = await waitingNumbers(admin);

    // Act: call the next number with the network down, then bring it back.
    await page.context().setOffline(true);
    await page.keyboard.press('F1');
    await waitForText(page, 'resending', 'Mất kết nối. Đang gửi lại… (Gọi số tiếp theo)', 5000);
    expect((await counterOnServer(admin, 2)).currentTicket).toBeNull();
    await page.context().setOffline(false);

    // Assert: called once, the head of the queue, and nothing else moved.
    await page.getByTestId('current-number').waitFor({ timeout: 10000 });
    await page.getByTestId('resending').waitFor({ state: 'detached' });
    const first = (await counterOnServer(admin, 2)).currentTicket;
    expect(first?.status).toBe('called');
    expect(await waitingNumbers(admin)).toEqual(before.filter((n) => n !== first?.number));

    // Act: start, whose answer is lost after the server applied it; the retry replays it.
    let lost = false;
    await page.route('**/api/counters/2/start', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      return route.abort('connectionreset');
    });
    await enabled(page, 'action-start');
    await page.keyboard.press('F3');

    // Assert: served, and no "already serving" error from a second start.
    await page
      .locator('[data-testid="current-status"]', { hasText: 'Đang phục vụ' })
      .waitFor({ timeout: 10000 });
    await page.getByTestId('resending').waitFor({ state: 'detached', timeout: 10000 });
    expect(lost).toBe(true);
    expect(await page.getByTestId('action-error').count()).toBe(0);
    const served = (await counterOnServer(admin, 2)).currentTicket;
    expect(served).toMatchObject({ id: first?.id, status: 'serving' });
  }, 45000);

  test('an action saved before sending is resumed when the tab died mid-request, once', async () => {
    // Arrange: counter 3 idle, a ticket of its service waiting.
    const counter = await counterOnServer(admin, 3);
    await admin.post('/api/tickets', { serviceId: counter.serviceIds[0] });
    const page = await openCounterAs(harness, 'clerk-reload', 3);
    await page.getByTestId('current-number-empty').waitFor();
    await page.waitForLoadState('networkidle');
    const context = page.context();
    const keys: string[] = [];
    let applied!: () => void;
    const reachedServer = new Promise<void>((resolve) => (applied = resolve));
    await context.route('**/api/counters/3/call-next', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length > 1) return route.continue();
      // The server applies it, but the tab dies before the answer arrives.
      await route.fetch();
      applied();
      return undefined;
    });

    // Act: the tab is closed with no chance to run anything; the clerk opens the console again.
    await page.keyboard.press('F1');
    await reachedServer;
    await page.close({ runBeforeUnload: false });
    const again = await context.newPage();
    await again.goto(`${harness.server().url}/counter`);

    // Assert: resent with the same key, called once, and the desk shows it.
    await again.getByTestId('current-number').waitFor({ timeout: 10000 });
    await again.getByTestId('resending').waitFor({ state: 'detached', timeout: 10000 });
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[0]).not.toBe('');
    expect(await again.getByTestId('action-error').count()).toBe(0);
    expect((await counterOnServer(admin, 3)).currentTicket?.status).toBe('called');
    const saved = await again.evaluate<string | null>(
      "localStorage.getItem('luot.counter.pending')",
    );
    expect(saved).toBeNull();
  }, 45000);
});
