import fs from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import type { PrintingOptions } from '../../server/src/services/printing/print-worker';
import { ManualClock, startTestServer, type TestServer } from '../support/test-server';

/**
 * The Chromium the browser tests drive. `LUOT_TEST_CHROMIUM` exists only so a test can
 * point the harness at a missing executable and check how a machine without one reports.
 */
const CHROMIUM = process.env.LUOT_TEST_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const haveChromium = fs.existsSync(CHROMIUM);

/** How soon a screen must show what another screen just did. */
export const LIVE_DEADLINE_MS = 2000;

/** A real server and a real Chromium shared by the tests of one file. */
export interface Harness {
  server(): TestServer;
  /** The server's clock, which only the test moves (pages keep the browser's own). */
  clock(): ManualClock;
  /** A page in its own browser context, so screens share no cookies, like separate devices. */
  open(path: string, width: number, height: number): Promise<Page>;
  /** A counter page with the admin signed in and counter `number` taken. */
  openCounter(number: number): Promise<Page>;
}

/**
 * A describe block run in Chromium against a server on port 0 (`options.printing` makes
 * its print queue give up sooner, say; `options.env` sets the server's environment).
 * Without Chromium its tests are registered as skipped, so Jest's summary counts them as
 * skipped and never as passed; in CI (`CI` set) a missing Chromium fails every one of
 * them instead.
 */
export function describeInChromium(
  title: string,
  body: (harness: Harness) => void,
  options: {
    printing?: Partial<PrintingOptions>;
    env?: Record<string, string>;
    /** More Chromium flags, e.g. `--autoplay-policy=no-user-gesture-required`. */
    chromiumArgs?: string[];
  } = {},
): void {
  const skip = !haveChromium && !process.env.CI;
  if (skip) {
    console.warn(
      `\n*** BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM}. ` +
        'Install it (apt-get install chromium) to run test/browser; in CI this fails. ***\n',
    );
  }
  // The body still runs under describe.skip, so each of its tests is listed as skipped.
  (skip ? describe.skip : describe)(title, () => {
    let server: TestServer | undefined;
    const clock = new ManualClock();
    let browser: Browser | undefined;
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      if (!haveChromium) throw new Error(`Chromium is required in CI but ${CHROMIUM} is missing`);
      const { chromiumArgs, ...serverOptions } = options;
      server = await startTestServer({ clock, ...serverOptions });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [...CHROMIUM_ARGS, ...(chromiumArgs ?? [])],
      });
    });

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await server?.stop();
    });

    const harness: Harness = {
      server() {
        if (!server) throw new Error('The server is not started');
        return server;
      },
      clock() {
        return clock;
      },
      async open(path, width, height) {
        if (!browser || !server) throw new Error('The browser is not started');
        const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN' });
        contexts.push(context);
        context.setDefaultTimeout(10000);
        const page = await context.newPage();
        page.on('pageerror', (error) => console.error(`${path}: ${error.message}`));
        await page.goto(`${server.url}${path}`);
        return page;
      },
      async openCounter(number) {
        const { adminUsername, adminPassword } = harness.server();
        const page = await harness.open('/counter', 1366, 900);
        await page.getByTestId('login-username').fill(adminUsername);
        await page.getByTestId('login-password').fill(adminPassword);
        await page.getByTestId('login-submit').click();
        await page.getByTestId(`counter-${number}`).click();
        await page.getByTestId('my-counter').waitFor();
        return page;
      },
    };
    body(harness);
  });
}

/** Waits until an element's text is exactly `text`, failing with what it showed instead. */
export async function waitForText(page: Page, testId: string, text: string, timeout: number) {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const exact = new RegExp('^' + escaped + '$');
  await waitShowing(
    page,
    testId,
    page.getByTestId(testId).filter({ hasText: exact }),
    text,
    timeout,
  );
}

/**
 * The text of the element `testId` once it holds every one of `parts`. For text that
 * arrives in steps, such as a second language whose catalogue loads after the first.
 */
export async function textContaining(page: Page, testId: string, parts: string[], timeout: number) {
  let element = page.getByTestId(testId);
  for (const part of parts) element = element.filter({ hasText: part });
  await waitShowing(page, testId, element, parts, timeout);
  return (await element.first().textContent()) ?? '';
}

/** Waits for `element` (a filter of `testId`); on timeout, fails naming what `testId` showed. */
async function waitShowing(
  page: Page,
  testId: string,
  element: Locator,
  expected: unknown,
  timeout: number,
): Promise<void> {
  try {
    await element.first().waitFor({ timeout });
  } catch {
    const shown = await page
      .getByTestId(testId)
      .allTextContents()
      .catch(() => null);
    throw new Error(
      `${testId} showed ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`,
    );
  }
}

/** Takes a number at the kiosk page for a service; returns the number and the tracking URL. */
export async function takeNumber(kiosk: Page, serviceCode: string) {
  await kiosk.getByTestId(`service-${serviceCode}`).click();
  await kiosk.getByTestId('priority-none').click();
  const issuedNumber = kiosk.getByTestId('issued-number');
  const kioskError = kiosk.getByTestId('kiosk-error');
  await issuedNumber.or(kioskError).waitFor();
  if (await kioskError.isVisible()) throw new Error(`Kiosk: ${await kioskError.textContent()}`);
  const number = (await issuedNumber.textContent())?.trim() ?? '';
  const trackingUrl = (await kiosk.getByTestId('tracking-url').textContent())?.trim() ?? '';
  await kiosk.getByTestId('kiosk-done').click();
  return { number, trackingUrl };
}
