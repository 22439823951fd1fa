import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ApiClient } from '../support/api-client';
import { seriousViolations } from '../support/axe';
import { LARGE_CENTRE_ENV, LARGE_CENTRE_SERVICES } from '../support/large-centre';
import { describeInChromium, type Harness } from './harness';

/** Screenshots for CI artefacts (git-ignored). */
const ARTIFACTS = path.join(__dirname, '../artifacts');

/** The kiosk's two screens: a portrait and a landscape touch monitor. */
const SIZES = [
  ['portrait', 1080, 1920],
  ['landscape', 1920, 1080],
] as const;

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `kiosk-${name}.png`) });
}

/** The little of the page's window the checks read (the tests compile without DOM types). */
interface PageWindow {
  innerWidth: number;
  innerHeight: number;
  document: { documentElement: { scrollWidth: number; scrollHeight: number } };
}

/** Whether the page scrolls either way. */
async function scrolls(page: Page): Promise<{ vertical: boolean; horizontal: boolean }> {
  return page.evaluate(() => {
    const { innerWidth, innerHeight, document } = globalThis as unknown as PageWindow;
    const root = document.documentElement;
    return { vertical: root.scrollHeight > innerHeight, horizontal: root.scrollWidth > innerWidth };
  });
}

/** Every tile of the grid shown now lies inside the window. */
async function tilesInside(page: Page): Promise<boolean> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('The page has no viewport');
  for (const cell of await page.locator('.tile-cell').all()) {
    const box = await cell.boundingBox();
    if (!box || box.x < 0 || box.y < 0) return false;
    if (box.x + box.width > viewport.width || box.y + box.height > viewport.height) return false;
  }
  return true;
}

async function shownTiles(page: Page): Promise<string[]> {
  return page
    .locator('.tile-cell > button')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid') ?? ''));
}

/** Types on the kiosk's own keyboard, key by key. */
async function typeOnScreen(page: Page, text: string): Promise<void> {
  for (const char of text.toUpperCase()) {
    await page.getByTestId(char === ' ' ? 'key-space' : `key-${char}`).click();
  }
}

/** Goes through every page of the grid shown, returning all tiles in order. */
async function allPages(page: Page): Promise<string[]> {
  const tiles = await shownTiles(page);
  const next = page.getByTestId('page-next');
  if ((await next.count()) === 0) return tiles;
  const pages = Number(
    /\/(\d+)/.exec((await page.getByTestId('page-indicator').textContent())!)![1],
  );
  for (let p = 2; p <= pages; p++) {
    await next.click();
    await page
      .getByTestId('page-indicator')
      .filter({ hasText: `Trang ${p}/${pages}` })
      .waitFor();
    tiles.push(...(await shownTiles(page)));
  }
  expect(await next.isDisabled()).toBe(true);
  return tiles;
}

async function admin(harness: Harness): Promise<ApiClient> {
  const { url, adminUsername, adminPassword } = harness.server();
  const client = new ApiClient(url);
  await client.login(adminUsername, adminPassword);
  return client;
}

declare function getComputedStyle(element: unknown): {
  fontSize: string;
  color: string;
  backgroundColor: string;
};

/** The contrast ratio of two CSS `rgb(r, g, b)` colours (WCAG 2). */
function contrast(foreground: string, background: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

/** A service tile's hours line: its font size in px, and its contrast with the tile. */
async function hoursLook(page: Page, code: string): Promise<{ px: number; contrast: number }> {
  const hours = page.getByTestId(`service-hours-${code}`);
  const [size, color] = await hours.evaluate((el) => {
    const style = getComputedStyle(el);
    return [style.fontSize, style.color];
  });
  const background = await page
    .getByTestId(`service-${code}`)
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  return { px: parseFloat(size), contrast: contrast(color, background) };
}

/** The codes of the demo's services that stay active in the 4-service centre. */
const FOUR = ['DKKD', 'DDTN', 'TPLL', 'GPLX'];

describeInChromium('the kiosk of the demo centre (9 services, flat), in Chromium', (harness) => {
  test.each(SIZES)(
    'fits the %s screen without scrolling, passes axe, and shows each service’s wait and hours',
    async (name, width, height) => {
      const kiosk = await harness.open('/kiosk', width, height);
      await kiosk.getByTestId('service-DKKD').waitFor();

      expect(await scrolls(kiosk)).toEqual({ vertical: false, horizontal: false });
      expect(await tilesInside(kiosk)).toBe(true);
      expect(await allPages(kiosk)).toHaveLength(9);
      expect(await kiosk.getByTestId('service-hours-DKKD').textContent()).toMatch(
        /^Cấp số: \d\d:\d\d–\d\d:\d\d/,
      );
      // Large and dark enough for elderly visitors: ≥ 1.2rem, ≥ 7:1 (WCAG AAA).
      const hours = await hoursLook(kiosk, 'DKKD');
      expect(hours.px).toBeGreaterThanOrEqual(1.2 * 16);
      expect(hours.contrast).toBeGreaterThanOrEqual(7);
      // Nobody waits yet: the wait is still said, as under a minute.
      expect(await kiosk.getByTestId('service-wait-DKKD').textContent()).toBe('dưới 1 phút');
      expect(await kiosk.locator('.app-header h1').textContent()).toContain(
        'Trung tâm Phục vụ hành chính công tỉnh',
      );
      expect(await seriousViolations(kiosk)).toEqual([]);
      await screenshot(kiosk, `demo-${name}`);
    },
    60000,
  );

  test('finds services typed without diacritics on the screen’s keyboard and a real one', async () => {
    const kiosk = await harness.open('/kiosk', 1080, 1920);
    await kiosk.getByTestId('search-open').click();

    await typeOnScreen(kiosk, 'dang ky kinh doanh');
    expect(await kiosk.getByTestId('search-input').inputValue()).toBe('dang ky kinh doanh');
    expect(await shownTiles(kiosk)).toEqual(['service-DKKD']);

    await kiosk.getByTestId('key-clear').click();
    await kiosk.keyboard.type('dd');
    expect(await shownTiles(kiosk)).toEqual(['service-DDTN']);
    expect(await kiosk.getByTestId('service-DDTN').textContent()).toContain('Đất đai');

    await kiosk.getByTestId('key-backspace').click();
    await kiosk.getByTestId('key-backspace').click();
    await typeOnScreen(kiosk, 'xyzq');
    expect(await kiosk.getByTestId('search-status').textContent()).toBe(
      'Không tìm thấy thủ tục phù hợp. Hãy thử từ khác.',
    );
    await screenshot(kiosk, 'demo-search-portrait');

    await kiosk.getByTestId('search-close').click();
    await kiosk.getByTestId('service-DKKD').waitFor();
  }, 60000);

  test('issues a priority ticket showing the number, counters, wait, QR and words of the class', async () => {
    const kiosk = await harness.open('/kiosk', 1920, 1080);
    await kiosk.getByTestId('service-TPLL').click();

    const elderly = kiosk.getByTestId('priority-elderly');
    expect(await elderly.textContent()).toBe('Người cao tuổi');
    expect(await elderly.locator('svg').getAttribute('data-icon')).toBe('elderly');
    expect(await seriousViolations(kiosk)).toEqual([]);
    await elderly.click();

    await kiosk.getByTestId('issued-number').waitFor();
    expect(await kiosk.getByTestId('issued-number').textContent()).toMatch(/^C\d{3}$/);
    expect(await kiosk.getByTestId('issued-priority').textContent()).toContain('Người cao tuổi');
    expect(await kiosk.getByTestId('issued-counters').textContent()).toMatch(
      /^Quầy phục vụ: \d+(, \d+)*$/,
    );
    expect(await kiosk.getByTestId('issued-ahead').textContent()).toMatch(/\d+$/);
    await kiosk.getByTestId('qr-code').waitFor();
    expect(await kiosk.getByTestId('tracking-url').textContent()).toMatch(/\/t\/[\w-]+$/);
    expect(await kiosk.getByTestId('idle-countdown').textContent()).toMatch(/\d+ giây/);
    expect(await scrolls(kiosk)).toEqual({ vertical: false, horizontal: false });
    expect(await seriousViolations(kiosk)).toEqual([]);
    await screenshot(kiosk, 'demo-issued-landscape');

    await kiosk.setViewportSize({ width: 1080, height: 1920 });
    expect(await scrolls(kiosk)).toEqual({ vertical: false, horizontal: false });
    await screenshot(kiosk, 'demo-issued-portrait');
  }, 60000);

  test('a service past its cut-off says why and when, and a tap explains instead of issuing', async () => {
    // Arrange: opening hours enforced, 11:20 in Vietnam: inside the 15-minute cut-off.
    const client = await admin(harness);
    const patched = await client.request('PATCH', '/api/settings', {
      body: { enforceOpeningHours: true },
    });
    expect(patched.status).toBe(200);
    const before = harness.clock().now();
    harness.clock().set(Date.UTC(2026, 10, 27, 4, 20));
    try {
      const kiosk = await harness.open('/kiosk', 1080, 1920);

      // Act
      const reason = kiosk.getByTestId('service-reason-DKKD');
      await reason.waitFor();
      // aria-disabled, so Playwright would wait for it to be enabled; a finger just taps.
      await kiosk.getByTestId('service-DKKD').click({ force: true });

      // Assert
      expect(await reason.textContent()).toBe('Đã hết giờ cấp số');
      expect(await kiosk.getByTestId('service-DKKD').getAttribute('aria-disabled')).toBe('true');
      const notice = kiosk.getByTestId('unavailable-notice');
      await notice.waitFor();
      expect(await kiosk.getByTestId('unavailable-reason').textContent()).toBe('Đã hết giờ cấp số');
      expect(await notice.textContent()).toContain('07:30–11:15, 13:30–16:45');
      expect(await kiosk.getByTestId('priority-none').count()).toBe(0);
      expect(await seriousViolations(kiosk)).toEqual([]);
      await screenshot(kiosk, 'demo-unavailable-portrait');
      await kiosk.getByTestId('unavailable-close').click();
      await notice.waitFor({ state: 'detached' });
    } finally {
      harness.clock().set(before);
      await client.request('PATCH', '/api/settings', { body: { enforceOpeningHours: false } });
    }
  }, 60000);
});

describeInChromium('the kiosk of a centre with 4 services, in Chromium', (harness) => {
  beforeAll(() => {
    // No services API yet: the other five demo services are deactivated in the database.
    const placeholders = FOUR.map(() => '?').join(', ');
    harness
      .server()
      .server.application.repos.db.raw.prepare(
        `UPDATE services SET active = 0 WHERE code NOT IN (${placeholders})`,
      )
      .run(...FOUR);
  });

  test.each([
    ['portrait', 1080, 1920, 'DKKD'],
    ['landscape', 1920, 1080, 'TPLL'],
  ] as const)(
    'fits the %s screen flat, without pages, and issues a priority ticket with its number and QR',
    async (name, width, height, code) => {
      const kiosk = await harness.open('/kiosk', width, height);
      await kiosk.getByTestId(`service-${code}`).waitFor();

      // One flat level of the four services, no groups, no pages, nothing to scroll.
      expect(await shownTiles(kiosk)).toEqual(FOUR.map((c) => `service-${c}`));
      expect(await kiosk.getByTestId('page-next').count()).toBe(0);
      expect(await kiosk.locator('.group-button').count()).toBe(0);
      expect(await scrolls(kiosk)).toEqual({ vertical: false, horizontal: false });
      expect(await tilesInside(kiosk)).toBe(true);
      expect(await kiosk.getByTestId(`service-wait-${code}`).textContent()).toBe('dưới 1 phút');
      const hours = await hoursLook(kiosk, code);
      expect(hours.px).toBeGreaterThanOrEqual(1.2 * 16);
      expect(hours.contrast).toBeGreaterThanOrEqual(7);
      expect(await seriousViolations(kiosk)).toEqual([]);
      await screenshot(kiosk, `four-${name}`);

      await kiosk.getByTestId(`service-${code}`).click();
      await kiosk.getByTestId('priority-elderly').click();

      await kiosk.getByTestId('issued-number').waitFor();
      expect(await kiosk.getByTestId('issued-number').textContent()).toMatch(/^[A-Z]\d{3}$/);
      expect(await kiosk.getByTestId('issued-priority').textContent()).toContain('Người cao tuổi');
      await kiosk.getByTestId('qr-code').waitFor();
      expect(await kiosk.getByTestId('tracking-url').textContent()).toMatch(/\/t\/[\w-]+$/);
      // First in line: the estimated wait is shown all the same, in both languages.
      expect(await kiosk.getByTestId('issued-ahead').textContent()).toBe(
        'Số người đang chờ trước: 0',
      );
      expect(await kiosk.getByTestId('issued-wait').textContent()).toBe(
        'Thời gian chờ dự kiến: dưới 1 phút',
      );
      expect(await scrolls(kiosk)).toEqual({ vertical: false, horizontal: false });
      expect(await seriousViolations(kiosk)).toEqual([]);
      await screenshot(kiosk, `four-issued-${name}`);
      await kiosk.getByTestId('lang-toggle').click();
      await kiosk.getByTestId('issued-wait').filter({ hasText: 'under a minute' }).waitFor();
      expect(await kiosk.getByTestId('issued-wait').textContent()).toBe(
        'Estimated wait: under a minute',
      );
    },
    60000,
  );
});

describeInChromium(
  'the kiosk of a centre with 40 services in groups, in Chromium',
  (harness) => {
    test.each(SIZES)(
      'fits the %s screen at every level without scrolling and passes axe',
      async (name, width, height) => {
        const kiosk = await harness.open('/kiosk', width, height);
        await kiosk.getByTestId('tile-grid').waitFor();
        await kiosk.getByRole('button', { name: /^Đất đai/ }).waitFor();

        expect(await scrolls(kiosk)).toEqual({ vertical: false, horizontal: false });
        expect(await tilesInside(kiosk)).toBe(true);
        expect(await seriousViolations(kiosk)).toEqual([]);
        await screenshot(kiosk, `large-${name}`);

        // A field, then one of its procedure groups, with the way back above.
        await kiosk.getByRole('button', { name: /^Đất đai/ }).click();
        await kiosk.getByTestId('breadcrumb').waitFor();
        expect(await kiosk.locator('#menu-title').textContent()).toBe('Đất đai');
        await kiosk.getByRole('button', { name: /^Cấp Giấy chứng nhận/ }).click();
        await kiosk.getByTestId('service-LDA').waitFor();
        expect(await kiosk.getByTestId('breadcrumb').textContent()).toContain('Đất đai');
        expect(await scrolls(kiosk)).toEqual({ vertical: false, horizontal: false });
        expect(await seriousViolations(kiosk)).toEqual([]);
        await screenshot(kiosk, `large-group-${name}`);

        await kiosk.getByTestId('menu-back').click();
        await kiosk.getByRole('button', { name: /^Biến động đất đai/ }).waitFor();
        await kiosk.getByTestId('menu-back').click();
        await kiosk.getByRole('button', { name: /^Hộ tịch/ }).waitFor();
        expect(await kiosk.getByTestId('menu-back').count()).toBe(0);

        // Search opens over any level and fits too, keyboard included.
        await kiosk.getByTestId('search-open').click();
        await typeOnScreen(kiosk, 'dang ky kinh doanh');
        await kiosk.getByTestId('service-LKA').waitFor();
        expect(await scrolls(kiosk)).toEqual({ vertical: false, horizontal: false });
        expect(await tilesInside(kiosk)).toBe(true);
        expect(await seriousViolations(kiosk)).toEqual([]);
        await screenshot(kiosk, `large-search-${name}`);
      },
      90000,
    );

    test.each(SIZES)(
      'pages a level with more tiles than fit the %s screen, every tile once',
      async (_name, width, height) => {
        const kiosk = await harness.open('/kiosk', width, height);
        await kiosk.getByTestId('search-open').click();

        // "d" starts a word of most names (Đăng, Đất, Đổi, dịch, doanh…): more than a page.
        await typeOnScreen(kiosk, 'd');
        const status = (await kiosk.getByTestId('search-status').textContent()) ?? '';
        const found = Number(/(\d+)/.exec(status)?.[1]);
        const grid = kiosk.getByTestId('tile-grid');
        const perPage =
          Number(await grid.getAttribute('data-cols')) *
          Number(await grid.getAttribute('data-rows'));
        expect(found).toBeGreaterThan(perPage);
        expect(await kiosk.getByTestId('page-indicator').textContent()).toBe(
          `Trang 1/${Math.ceil(found / perPage)}`,
        );
        expect(await kiosk.getByTestId('page-prev').isDisabled()).toBe(true);

        const tiles = await allPages(kiosk);
        expect(tiles).toHaveLength(found);
        expect(new Set(tiles).size).toBe(found);
        expect(await tilesInside(kiosk)).toBe(true);
        expect(await scrolls(kiosk)).toEqual({ vertical: false, horizontal: false });
      },
      90000,
    );

    test('a group tile says how many of its procedures are open, and why none is', async () => {
      const { repos } = harness.server().server.application;
      const land = LARGE_CENTRE_SERVICES.filter((s) => s.field === 'Đất đai');
      const client = await admin(harness);
      const before = harness.clock().now();
      // One land service has used up today's numbers: a cap of 1, and its one ticket.
      const capped = repos.db.raw.prepare('UPDATE services SET daily_cap = ? WHERE code = ?');
      const lda = repos.db.raw.prepare('SELECT id FROM services WHERE code = ?').get('LDA') as {
        id: number;
      };
      capped.run(1, 'LDA');
      try {
        await new ApiClient(harness.server().url).issue(lda.id);
        const kiosk = await harness.open('/kiosk', 1080, 1920);
        const landTile = kiosk.getByRole('button', { name: /^Đất đai/ });
        await landTile.waitFor();
        const landId = (await landTile.getAttribute('data-testid'))!.replace('group-', '');
        expect(await kiosk.getByTestId(`group-count-${landId}`).textContent()).toBe(
          `${land.length - 1}/${land.length} thủ tục đang cấp số`,
        );
        expect(await landTile.getAttribute('class')).not.toContain('group-unavailable');
        const civil = kiosk.getByRole('button', { name: /^Hộ tịch/ });
        const civilId = (await civil.getAttribute('data-testid'))!.replace('group-', '');
        expect(await kiosk.getByTestId(`group-count-${civilId}`).textContent()).toMatch(
          /^\d+ thủ tục$/,
        );

        // 20:00 in Vietnam with hours enforced: every group is closed.
        expect(
          (
            await client.request('PATCH', '/api/settings', {
              body: { enforceOpeningHours: true },
            })
          ).status,
        ).toBe(200);
        harness.clock().set(Date.UTC(2026, 10, 27, 13, 0));
        await kiosk.reload();

        // The groups look unavailable: the shared reason, or a general one when they differ.
        await kiosk.getByTestId(`group-reason-${civilId}`).waitFor();
        expect(await kiosk.getByTestId(`group-reason-${civilId}`).textContent()).toBe(
          'Ngoài giờ làm việc',
        );
        expect(await civil.getAttribute('class')).toContain('group-unavailable');
        expect(await civil.getAttribute('data-open')).toBe('0');
        expect(await kiosk.getByTestId(`group-reason-${landId}`).textContent()).toBe(
          'Tạm ngưng cấp số',
        );
        expect(await kiosk.getByTestId(`group-count-${landId}`).textContent()).toBe(
          `${land.length} thủ tục`,
        );
        expect(await scrolls(kiosk)).toEqual({ vertical: false, horizontal: false });
        expect(await seriousViolations(kiosk)).toEqual([]);
        await screenshot(kiosk, 'large-closed-portrait');

        // A closed group still opens, to show each procedure's reason and hours.
        await civil.click();
        await kiosk.getByTestId('breadcrumb').waitFor();
        expect(await kiosk.locator('.service-reason').first().textContent()).toBe(
          'Ngoài giờ làm việc',
        );
      } finally {
        capped.run(null, 'LDA');
        harness.clock().set(before);
        await client.request('PATCH', '/api/settings', { body: { enforceOpeningHours: false } });
      }
    }, 60000);

    test('"dd" finds the services of Đất đai', async () => {
      const kiosk = await harness.open('/kiosk', 1920, 1080);
      await kiosk.getByTestId('search-open').click();

      await typeOnScreen(kiosk, 'dd');

      await kiosk.getByTestId('service-LDA').waitFor();
      expect(await kiosk.getByTestId('service-LDA').textContent()).toContain(
        'Cấp Giấy chứng nhận quyền sử dụng đất lần đầu',
      );
    }, 60000);

    test('goes back to the start after the idle time, from a group and from the result', async () => {
      const client = await admin(harness);
      const idle = await client.request('PATCH', '/api/settings', {
        body: { kioskIdleSeconds: 10 },
      });
      expect(idle.status).toBe(200);
      const kiosk = await harness.open('/kiosk', 1920, 1080);
      await kiosk.getByRole('button', { name: /^Đất đai/ }).click();
      await kiosk.getByTestId('menu-back').waitFor();

      // Untouched for 10 s inside a field: the top level again.
      await kiosk.getByTestId('menu-back').waitFor({ state: 'detached', timeout: 14000 });
      await kiosk.getByRole('button', { name: /^Hộ tịch/ }).waitFor();

      // The result screen counts down, then goes back too.
      await kiosk.getByTestId('search-open').click();
      await typeOnScreen(kiosk, 'khai sinh');
      await kiosk.getByRole('button', { name: /Đăng ký khai sinh/ }).click();
      await kiosk.getByTestId('priority-none').click();
      await kiosk.getByTestId('issued-number').waitFor();
      const countdown = kiosk.getByTestId('idle-countdown');
      const first = Number(/(\d+) giây/.exec((await countdown.textContent()) ?? '')?.[1]);
      expect(first).toBeLessThanOrEqual(10);
      await countdown.filter({ hasText: `${first - 2} giây` }).waitFor({ timeout: 4000 });
      await kiosk.getByTestId('issued-number').waitFor({ state: 'detached', timeout: 14000 });
      await kiosk.getByRole('button', { name: /^Hộ tịch/ }).waitFor();
      expect(await kiosk.getByTestId('search-input').count()).toBe(0);
    }, 60000);
  },
  { env: { ...LARGE_CENTRE_ENV } },
);
