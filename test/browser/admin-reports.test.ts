import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ReportSummary } from '../../server/src/contract/reports';
import { closeReportExports } from '../../server/src/services/reports/report-export';
import { signedIn, STAFF_PASSWORD } from '../support/accounts';
import type { ApiClient } from '../support/api-client';
import { seriousViolations } from '../support/axe';
import {
  act,
  addClerk,
  expectStatus,
  issue,
  MINUTE,
  patchSettings,
  SERVICE,
  vietnamTime,
} from '../support/queue-helpers';
import { describeInChromium, waitForText } from './harness';
import { expectNoSidewaysScroll } from './page-fit';
import { signIn } from './sign-in';

const ARTIFACTS = path.join(__dirname, '../artifacts');

/** Waits until the page shows the answer to what it last asked. */
async function reportReady(page: Page): Promise<void> {
  await page.locator('[data-testid="reports"][data-state="ready"]').waitFor();
  await page.getByTestId('report-table').or(page.getByTestId('report-empty')).waitFor();
}

/** The text of each cell of the table's total row, by column id. */
async function totalCells(page: Page): Promise<Record<string, string>> {
  const cells = page.getByTestId('report-total').locator('td');
  const ids = await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-column')));
  const texts = await cells.allTextContents();
  return Object.fromEntries(ids.map((id, i) => [id ?? '', texts[i] ?? '']));
}

/** A share as the Vietnamese page writes it, worked out apart from the page's code. */
const viShare = (share: number | null) =>
  share === null ? '—' : `${(Math.round(share * 1000) / 10).toFixed(1).replace('.', ',')} %`;

/** True when the canvas has any painted pixel. */
async function painted(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).evaluate((canvas) => {
    const c = canvas as unknown as {
      width: number;
      height: number;
      getContext(kind: '2d'): { getImageData(...a: number[]): { data: ArrayLike<number> } } | null;
    };
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    if (!data || c.width === 0) return false;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) return true;
    return false;
  });
}

describeInChromium('the reports page at /admin/reports, in Chromium', ({ open, server, clock }) => {
  // Monday 30 November to Wednesday 2 December 2026: a week that crosses a month.
  const DAYS = ['2026-11-30', '2026-12-01', '2026-12-02'];
  let supervisor: ApiClient;

  /**
   * One day at counters 1–3 (clerks Lan, Bình, Cường): visitors come through the morning
   * and the early afternoon, one at a time; most wait a few minutes, every fourth longer;
   * every seventh does not come up; most of the others rate the service.
   */
  async function playDay(day: string, index: number): Promise<void> {
    clock().set(vietnamTime(day, '07:45'));
    const clerks = await Promise.all(
      ['bc-lan', 'bc-binh', 'bc-cuong'].map((u) => signedIn(server(), u)),
    );
    for (const [i, clerk] of clerks.entries()) await act(clerk, i + 1, 'sign-in');
    const kiosk = await signedIn(server(), 'bc-giamsat');
    const count = 12 + index * 3;
    for (let i = 0; i < count; i++) {
      if (i === Math.ceil(count / 2)) clock().set(vietnamTime(day, '13:30'));
      clock().advance((3 + ((i * 7) % 5)) * MINUTE);
      // DKKD at counters 1 and 2 by turns, DDTN at counter 3, THUE (tier 2) at counter 1.
      const kind = (i + index) % 4;
      const service = [SERVICE.DKKD, SERVICE.DDTN, SERVICE.DKKD, SERVICE.THUE][kind] as number;
      const counter = [1, 3, 2, 1][kind] as number;
      const clerk = clerks[counter - 1] as ApiClient;
      const { ticket } = await issue(kiosk, service);
      clock().advance((i % 4 === 3 ? 12 + ((i * 5) % 20) : 1 + (i % 6)) * MINUTE);
      expect((await act(clerk, counter, 'call-next')).ticket.id).toBe(ticket.id);
      if (i % 7 === 6) {
        await act(clerk, counter, 'no-show');
        continue;
      }
      clock().advance(MINUTE);
      await act(clerk, counter, 'start');
      clock().advance((4 + ((i * 3) % 7)) * MINUTE);
      await act(clerk, counter, 'finish');
      if (i % 5 === 4) continue;
      const level = [4, 3, 4, 4, 2, 3, 4, 1][(i + counter) % 8] as number;
      const body = level <= 2 ? { level, reasons: ['Thời gian chờ lâu'] } : { level };
      expectStatus(await kiosk.post(`/api/tickets/${ticket.id}/rating`, body), 201);
    }
    clock().set(vietnamTime(day, '16:30'));
    for (const [i, clerk] of clerks.entries()) await act(clerk, i + 1, 'sign-out');
  }

  beforeAll(async () => {
    const admin = await signedIn(server(), server().adminUsername, server().adminPassword);
    await patchSettings(admin, { enforceOpeningHours: false });
    for (const name of ['bc-lan', 'bc-binh', 'bc-cuong']) await addClerk(server(), name);
    await addClerk(server(), 'bc-thu-ky');
    supervisor = await addClerk(server(), 'bc-giamsat', 'supervisor');
    for (const [i, day] of DAYS.entries()) await playDay(day, i);
    // One ticket still waiting on Wednesday afternoon: today's report is exact.
    clock().set(vietnamTime('2026-12-02', '17:00'));
    await issue(supervisor, SERVICE.DKKD);
    supervisor = await signedIn(server(), 'bc-giamsat');
  }, 120_000);

  // The export thread the downloads started.
  afterAll(() => closeReportExports());

  async function apiSummary(query: string): Promise<ReportSummary> {
    return expectStatus(await supervisor.get<ReportSummary>(`/api/reports/summary?${query}`), 200);
  }

  test('a supervisor reports this week by counter and by clerk: totals as the API, charts drawn, files downloaded', async () => {
    const page = await open('/admin/reports', 1366, 768);
    await signIn(page, 'bc-giamsat', STAFF_PASSWORD);
    await page.getByTestId('page-reports').waitFor();
    expect(await page.getByTestId('nav-reports').textContent()).toBe('Báo cáo');
    await reportReady(page);

    // This week on the centre's calendar: Monday 30 November to Wednesday 2 December.
    await page.getByTestId('report-period-week').click();
    await page.getByTestId('report-group-by').selectOption('counter');
    await page.waitForURL(/period=week&groupBy=counter/);
    await reportReady(page);
    expect(await page.getByTestId('report-range').textContent()).toMatch(
      /^30\/11\/2026 – 02\/12\/2026/,
    );

    const week = await apiSummary('from=2026-11-30&to=2026-12-02&groupBy=counter');
    expect(week.total.issued).toBeGreaterThan(40);
    const total = await totalCells(page);
    expect(total.issued).toBe(String(week.total.issued));
    expect(total.served).toBe(String(week.total.served));
    expect(total.noShow).toBe(String(week.total.noShow));
    expect(total.ratings).toBe(String(week.total.ratings));
    expect(total.satisfied).toBe(viShare(week.total.satisfiedShare));
    expect(total.rated).toBe(viShare(week.total.ratedShare));
    expect(total['reason.Thời gian chờ lâu']).toBe(
      String(week.total.lowScoreReasons['Thời gian chờ lâu']),
    );
    // Every ticket was issued with an estimate: the estimator's own error is reported.
    expect(week.total.estimateCount).toBeGreaterThan(0);
    expect(total.estimateCount).toBe(String(week.total.estimateCount));
    expect(total.estimateWithin5).toBe(viShare(week.total.estimateWithin5Share));
    expect(await page.getByTestId('report-row').count()).toBe(week.rows.length);
    expect(await page.getByTestId('report-kpi-issued').locator('dd').textContent()).toBe(
      String(week.total.issued),
    );

    // Every chart is drawn, and says what it shows.
    for (const chart of ['trend', 'estimates', 'heatmap', 'waits', 'counters', 'clerks']) {
      const canvas = `report-chart-${chart}-canvas`;
      await page.getByTestId(canvas).waitFor();
      expect(await painted(page, canvas)).toBe(true);
      expect(await page.getByTestId(canvas).getAttribute('role')).toBe('img');
      expect(await page.getByTestId(canvas).getAttribute('aria-label')).not.toBe('');
    }

    // The page fits 1366 wide; the table scrolls sideways in its own box.
    await expectNoSidewaysScroll(page, 1366);
    const box = page.getByTestId('report-table-box');
    expect(
      await box.evaluate((el) => {
        const e = el as unknown as { scrollWidth: number; clientWidth: number };
        return e.scrollWidth > e.clientWidth;
      }),
    ).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-reports-1366x768.png') });
    await page.getByTestId('report-chart-heatmap').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-reports-charts-1366x768.png') });
    await page.getByTestId('report-table-box').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-reports-table-1366x768.png') });

    // The downloads are the same report, with the session's cookie.
    const types = {
      csv: /^text\/csv/,
      xlsx: /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/,
      pdf: /^application\/pdf/,
    };
    for (const [format, type] of Object.entries(types)) {
      const link = page.getByTestId(`report-download-${format}`);
      const href = (await link.getAttribute('href')) ?? '';
      expect(href).toBe(
        `/api/reports/summary?from=2026-11-30&to=2026-12-02&groupBy=counter&format=${format}`,
      );
      expect(await link.getAttribute('download')).not.toBeNull();
      const response = await page.request.get(`${server().url}${href}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(type);
    }
    // A click fetches the file in the page and saves it under the server's name.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-download-csv').click(),
    ]);
    expect(csv.suggestedFilename()).toBe('bao-cao-2026-11-30_2026-12-02-counter.csv');
    const saved = fs.readFileSync((await csv.path()) ?? '', 'utf8');
    expect(saved.startsWith('\uFEFFQuầy / Counter,')).toBe(true);
    expect(await page.getByTestId('report-download-error').count()).toBe(0);

    // By clerk: one row per clerk who served, the same totals.
    await page.getByTestId('report-group-by').selectOption('clerk');
    await page.waitForURL(/groupBy=clerk/);
    await reportReady(page);
    const byClerk = await apiSummary('from=2026-11-30&to=2026-12-02&groupBy=clerk');
    expect(await page.getByTestId('report-row').count()).toBe(byClerk.rows.length);
    expect((await totalCells(page)).served).toBe(String(byClerk.total.served));

    // In English the same figures read the English way.
    await page.getByTestId('lang-toggle').click();
    await waitForText(page, 'nav-reports', 'Reports', 5000);
    expect(await page.getByTestId('report-kpi-satisfied').locator('dd').textContent()).toMatch(
      /^\d+\.\d%\d+ ratings$/,
    );
    await page.getByTestId('lang-toggle').click();
    await waitForText(page, 'nav-reports', 'Báo cáo', 5000);

    // A bookmark opens the same report.
    const reopened = await page.context().newPage();
    await reopened.goto(page.url());
    await reportReady(reopened);
    expect(await reopened.getByTestId('report-group-by').inputValue()).toBe('clerk');
    expect(await reopened.getByTestId('report-period-week').getAttribute('aria-pressed')).toBe(
      'true',
    );
    await reopened.close();
  }, 90_000);

  test('a custom period with nothing in it says so, and a reversed one is refused before asking', async () => {
    const page = await open(
      '/admin/reports?period=custom&from=2026-10-01&to=2026-10-31',
      1366,
      768,
    );
    await signIn(page, 'bc-giamsat', STAFF_PASSWORD);
    await page.getByTestId('report-empty').waitFor();
    expect(await page.getByTestId('report-empty').textContent()).toContain(
      'Không có dữ liệu trong kỳ này',
    );
    await page.getByTestId('report-from').fill('2026-11-05');
    await page.getByTestId('report-range-problem').waitFor();
    expect(await page.getByTestId('report-range-problem').textContent()).toBe(
      'Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.',
    );
    // Before the years a report covers: said plainly, and the pickers stop there.
    await page.getByTestId('report-from').fill('1999-12-01');
    await waitForText(
      page,
      'report-range-problem',
      'Báo cáo chỉ gồm các ngày từ 01/01/2000 đến 31/12/2100.',
      5000,
    );
    expect(await page.getByTestId('report-from').getAttribute('min')).toBe('2000-01-01');
    expect(await page.getByTestId('report-to').getAttribute('max')).toBe('2100-12-31');
    expect(await seriousViolations(page)).toEqual([]);

    // A day half typed away leaves no "undefined" in the period line.
    await page.getByTestId('report-to').fill('');
    await waitForText(
      page,
      'report-range-problem',
      'Hãy chọn đủ ngày bắt đầu và ngày kết thúc.',
      5000,
    );
    expect(await page.getByTestId('report-range').count()).toBe(0);

    // Days changed in quick succession ask the server for the last choice only.
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/reports/summary')) asked.push(request.url());
    });
    await page.getByTestId('report-to').fill('2026-12-02');
    for (const day of ['2026-11-01', '2026-11-02', '2026-11-03'])
      await page.getByTestId('report-from').fill(day);
    await reportReady(page);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((url) => !url.includes('from=2026-11-03&to=2026-12-02'))).toEqual([]);
  }, 60_000);

  test('a bookmark naming a service that is gone shows the server’s refusal in Vietnamese', async () => {
    const page = await open('/admin/reports?period=week&groupBy=service&serviceId=9999', 1366, 768);
    await signIn(page, 'bc-giamsat', STAFF_PASSWORD);
    await page.locator('[data-testid="reports"][data-state="failed"]').waitFor();
    expect(await page.getByTestId('report-error').textContent()).toBe(
      'Không tìm thấy thủ tục này.',
    );
    expect(await page.getByTestId('report-table').count()).toBe(0);
    // A download of the same report says why it failed, rather than save nothing silently.
    await page.getByTestId('report-download-pdf').click();
    await waitForText(page, 'report-download-error', 'Không tìm thấy thủ tục này.', 10_000);
    // The filter shows as chosen, named as gone; choosing every service clears it.
    const service = page.getByTestId('report-service');
    expect(await service.inputValue()).toBe('9999');
    expect(await service.locator('option:checked').textContent()).toBe('Mã 9999 (không còn)');
    await service.selectOption('');
    await reportReady(page);
    expect(page.url()).not.toContain('serviceId');
    expect(await page.getByTestId('report-error').count()).toBe(0);
  });

  test('a page that finds the report queue full waits its turn and shows the report', async () => {
    const wide = '/api/reports/summary?from=2015-01-01&to=2026-12-02&groupBy=day';
    const page = await open('/admin/reports?period=week&groupBy=service', 1366, 768);
    // Other supervisors' long reports keep the queue full until the page is refused once.
    let refused = false;
    page.on('response', (response) => {
      if (response.url().includes('/api/reports/summary') && response.status() === 429)
        refused = true;
    });
    let done = false;
    // Six of them back to back: one runs, four wait, the sixth is refused and asks again.
    const others = Promise.all(
      Array.from({ length: 6 }, async () => {
        while (!refused && !done) await supervisor.get(wide);
      }),
    );
    await signIn(page, 'bc-giamsat', STAFF_PASSWORD);
    await reportReady(page);
    done = true;
    await others;
    expect(refused).toBe(true);
    expect(await page.getByTestId('report-error').count()).toBe(0);
    expect(await page.getByTestId('report-row').count()).toBeGreaterThan(0);
  }, 60_000);

  test('a clerk has no reports page', async () => {
    const page = await open('/admin/reports', 1366, 768);
    await signIn(page, 'bc-thu-ky', STAFF_PASSWORD);
    await page.getByTestId('admin-refused').waitFor();
    expect(await page.getByTestId('nav-reports').count()).toBe(0);
    expect(await page.getByTestId('reports').count()).toBe(0);
  });
});
