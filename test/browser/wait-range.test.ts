import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Service, TrackResponse } from '../../server/src/contract';
import { waitRange, type WaitRange } from '../../server/src/contract/wait-range';
import { ApiClient } from '../support/api-client';
import { seriousViolations } from '../support/axe';
import { SERVICE, act, expectStatus, issue } from '../support/queue-helpers';
import { LIVE_DEADLINE_MS, describeInChromium, waitForText, type Harness } from './harness';

/** `POLL_MS` of display-ui/src/track/use-tracking.ts (UI code the tests' tsconfig leaves out). */
const POLL_MS = 30_000;

/** Screenshots for CI artefacts (git-ignored). */
const ARTIFACTS = path.join(__dirname, '../artifacts');

/** The band of an estimate that must have one. */
function bandOf(minutes: number): WaitRange {
  const range = waitRange(minutes);
  if (range === null) throw new Error(`An estimate of ${minutes} minutes has no band`);
  return range;
}

/** The band as the screens say it, in Vietnamese and in English. */
function said({ low, high }: WaitRange): { vi: string; en: string } {
  return low === 0
    ? { vi: `dưới ${high} phút`, en: `under ${high} min` }
    : { vi: `khoảng ${low}–${high} phút`, en: `about ${low}–${high} min` };
}

/** The little of the page's window the check reads (the tests compile without DOM types). */
interface PageWindow {
  innerWidth: number;
  innerHeight: number;
  document: { documentElement: { scrollWidth: number; scrollHeight: number } };
}

/** Whether the page scrolls either way. */
async function scrolls(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const { innerWidth, innerHeight, document } = globalThis as unknown as PageWindow;
    const root = document.documentElement;
    return root.scrollHeight > innerHeight || root.scrollWidth > innerWidth;
  });
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `wait-range-${name}.png`) });
}

/** What `/api/track/:token` says now. */
async function track(harness: Harness, token: string): Promise<TrackResponse> {
  const client = new ApiClient(harness.server().url);
  return expectStatus(await client.get<TrackResponse>(`/api/track/${token}`), 200);
}

describeInChromium('the estimated wait as a band of minutes, in Chromium', (harness) => {
  let visitor: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    visitor = new ApiClient(harness.server().url);
    admin = new ApiClient(harness.server().url);
    await admin.login(harness.server().adminUsername, harness.server().adminPassword);
    // People already wait for business registration, so a new ticket has minutes to wait.
    for (let i = 0; i < 3; i++) await issue(visitor, SERVICE.DKKD);
  });

  test.each([
    ['portrait', 1080, 1920],
    ['landscape', 1920, 1080],
  ] as const)(
    'the %s kiosk shows the band on the service tile and the issued ticket, in both languages',
    async (name, width, height) => {
      const services = expectStatus(await visitor.get<Service[]>('/api/services'), 200);
      const minutes = services.find((s) => s.id === SERVICE.DKKD)?.estimatedWaitMinutes ?? 0;
      expect(minutes).toBeGreaterThanOrEqual(5);
      const kiosk = await harness.open('/kiosk', width, height);

      await waitForText(kiosk, 'service-wait-DKKD', said(bandOf(minutes)).vi, LIVE_DEADLINE_MS);
      expect(await scrolls(kiosk)).toBe(false);
      expect(await seriousViolations(kiosk)).toEqual([]);
      await screenshot(kiosk, `tile-${name}`);

      await kiosk.getByTestId('service-DKKD').click();
      await kiosk.getByTestId('priority-none').click();
      const url = (await kiosk.getByTestId('tracking-url').textContent()) ?? '';
      const issued = await track(harness, url.slice(url.lastIndexOf('/') + 1));
      const band = said(bandOf(issued.estimatedWaitMinutes));
      await waitForText(kiosk, 'issued-wait', `Thời gian chờ dự kiến: ${band.vi}`, 2000);
      expect(await scrolls(kiosk)).toBe(false);
      expect(await seriousViolations(kiosk)).toEqual([]);
      await screenshot(kiosk, `issued-${name}`);

      await kiosk.getByTestId('lang-toggle').click();
      await waitForText(kiosk, 'issued-wait', `Estimated wait: ${band.en}`, 5000);
      await kiosk.getByTestId('kiosk-done').click();
      // Back in Vietnamese for the next visitor, the tile follows the queue the ticket made longer.
      const later = expectStatus(await visitor.get<Service[]>('/api/services'), 200);
      const longer = later.find((s) => s.id === SERVICE.DKKD)?.estimatedWaitMinutes ?? 0;
      await waitForText(kiosk, 'service-wait-DKKD', said(bandOf(longer)).vi, LIVE_DEADLINE_MS);
    },
    60000,
  );

  test('the tracking page shows fewer ahead and a smaller band after calls, without a reload', async () => {
    expectStatus(await admin.post('/api/counters/1/sign-in'), 200);
    const firstSix = [];
    for (let i = 0; i < 6; i++) firstSix.push((await issue(visitor, SERVICE.THUE)).ticket.number);
    const mine = await issue(visitor, SERVICE.THUE);
    const phone = await harness.open(`/t/${mine.trackingToken}`, 390, 844);
    const before = await track(harness, mine.trackingToken);
    // Counter 1 also serves business registration, whose tickets from above may come first.
    expect(before.ahead).toBeGreaterThanOrEqual(6);
    await waitForText(
      phone,
      'track-ahead',
      `Còn ${before.ahead} người trước bạn`,
      LIVE_DEADLINE_MS,
    );
    await waitForText(
      phone,
      'track-wait',
      `Thời gian chờ dự kiến: ${said(bandOf(before.estimatedWaitMinutes)).vi}`,
      LIVE_DEADLINE_MS,
    );
    expect(await seriousViolations(phone)).toEqual([]);
    await screenshot(phone, 'track-before');
    await phone.evaluate(() => {
      (globalThis as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    for (const number of firstSix.slice(0, 3)) {
      await act(admin, 1, 'call', { number });
      await act(admin, 1, 'start');
    }

    const after = await track(harness, mine.trackingToken);
    expect(after.ahead).toBe(before.ahead - 3);
    expect(bandOf(after.estimatedWaitMinutes).high).toBeLessThan(
      bandOf(before.estimatedWaitMinutes).high,
    );
    await waitForText(phone, 'track-ahead', `Còn ${after.ahead} người trước bạn`, LIVE_DEADLINE_MS);
    await waitForText(
      phone,
      'track-wait',
      `Thời gian chờ dự kiến: ${said(bandOf(after.estimatedWaitMinutes)).vi}`,
      LIVE_DEADLINE_MS,
    );
    expect(
      await phone.evaluate(
        () => (globalThis as unknown as { sameDocument?: boolean }).sameDocument,
      ),
    ).toBe(true);
    await screenshot(phone, 'track-after');

    for (
      let left = after.ahead;
      left > 0;
      left = (await track(harness, mine.trackingToken)).ahead
    ) {
      await act(admin, 1, 'call-next');
      await act(admin, 1, 'start');
    }
    await waitForText(phone, 'track-ahead', 'Bạn là người tiếp theo', LIVE_DEADLINE_MS);
    expect(await seriousViolations(phone)).toEqual([]);
    await screenshot(phone, 'track-next');
    await phone.getByTestId('lang-toggle').click();
    await waitForText(phone, 'track-ahead', 'You are next', 5000);
  }, 60000);

  test('the tracking page asks again after a quiet spell while the ticket waits', async () => {
    const mine = await issue(visitor, SERVICE.LDTB);
    const phone = await harness.open(`/t/${mine.trackingToken}`, 390, 844);
    await phone.clock.install();
    await phone.reload();
    const asked: string[] = [];
    phone.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/track/')) asked.push(request.url());
    });
    await phone.getByTestId('track-number').waitFor();
    // Let the fetch that follows the socket's connection go by.
    await phone.clock.runFor(1000);
    await phone.waitForTimeout(500);
    asked.length = 0;

    await phone.clock.fastForward(POLL_MS - 1000);
    await phone.waitForTimeout(300);
    const early = asked.length;
    const answered = phone.waitForResponse((r) =>
      new URL(r.url()).pathname.startsWith('/api/track/'),
    );
    await phone.clock.fastForward(2000);
    await answered;

    expect(early).toBe(0);
    expect(asked).toHaveLength(1);
  }, 30000);
});
