import type { ApiClient } from '../support/api-client';
import { seriousViolations } from '../support/axe';
import type { FakePrinter } from '../support/fake-printer';
import { addFakePrinter } from '../support/printer-setup';
import { MINUTE, act, addClerk } from '../support/queue-helpers';
import { LIVE_DEADLINE_MS, describeInChromium, waitForText } from './harness';
import type { PageDocument } from './page-dom';
import { expectNoSidewaysScroll } from './page-fit';
import { signIn } from './sign-in';

declare const document: PageDocument;

/** The page's text ranges, to measure where a letter is drawn. */
interface LetterRanges {
  createRange(): {
    selectNodeContents(node: unknown): void;
    getBoundingClientRect(): { left: number };
  };
}

describeInChromium('the live monitor at /admin/monitor, in Chromium', ({ open, server, clock }) => {
  let device: FakePrinter | undefined;
  let clerk3: ApiClient;
  let clerk5: ApiClient;

  beforeAll(async () => {
    clerk3 = await addClerk(server(), 'monitor-clerk-3');
    clerk5 = await addClerk(server(), 'monitor-clerk-5');
    await addClerk(server(), 'monitor-supervisor', 'supervisor');
  });

  afterAll(async () => {
    await device?.close();
  });

  test('a supervisor sees a paused counter with its reason and duration, and an out-of-paper printer, live', async () => {
    // Counter 3 paused for a meeting 16 minutes ago: past the 15-minute alert.
    await act(clerk3, 3, 'sign-in');
    await act(clerk3, 3, 'pause', { reason: 'Họp' });
    clock().advance(16 * MINUTE);

    const monitor = await open('/admin/monitor', 1920, 1080);
    await signIn(monitor, 'monitor-supervisor', 'staff-password-1');
    await monitor.getByTestId('page-monitor').waitFor();
    await monitor.getByTestId('monitor-counter-3').waitFor();

    const paused = monitor.getByTestId('monitor-counter-3');
    expect(await paused.getAttribute('data-status')).toBe('paused');
    expect(await paused.textContent()).toContain('Tạm dừng');
    expect(await paused.textContent()).toContain('Cán bộ monitor-clerk-3');
    const pause = await monitor.getByTestId('monitor-pause-3').textContent();
    expect(pause).toMatch(/^Họp16:\d\d$/);
    await waitForText(
      monitor,
      'monitor-alert-paused-3',
      'Quầy 3 tạm dừng đã 16 phút (Họp)',
      LIVE_DEADLINE_MS,
    );
    // The duration ticks by the server's clock.
    await monitor
      .getByTestId('monitor-pause-3')
      .filter({ hasText: /16:0[2-9]$/ })
      .waitFor({ timeout: 5000 });
    expect(await seriousViolations(monitor)).toEqual([]);
    await expectNoSidewaysScroll(monitor, 1920);

    // Counter 5 pauses while the monitor is open: it shows without a reload.
    await act(clerk5, 5, 'sign-in');
    expect(await monitor.getByTestId('monitor-counter-5').getAttribute('data-status')).toBe('open');
    await act(clerk5, 5, 'pause', { reason: 'Nghỉ giải lao' });
    await monitor
      .locator('[data-testid="monitor-counter-5"][data-status="paused"]')
      .waitFor({ timeout: LIVE_DEADLINE_MS });
    expect(await monitor.getByTestId('monitor-pause-5').textContent()).toMatch(
      /^Nghỉ giải lao0:0\d$/,
    );
    // Not yet long enough for an alert.
    expect(await monitor.getByTestId('monitor-alert-paused-5').count()).toBe(0);

    // A printer runs out of paper: the worker finds out on the next ticket; the alert is live.
    const added = await addFakePrinter(server(), 'paper-end', { name: 'Máy in sảnh A' });
    device = added.device;
    await added.admin.issue(1);
    await waitForText(
      monitor,
      `monitor-alert-printer-${added.printer.id}`,
      'Máy in “Máy in sảnh A”: Hết giấy',
      LIVE_DEADLINE_MS + 3000,
    );
    await waitForText(monitor, 'monitor-total-issued', 'Đã cấp số1', LIVE_DEADLINE_MS + 2000);

    // Counter 3 resumes: its alert goes, live.
    await act(clerk3, 3, 'resume');
    await monitor
      .getByTestId('monitor-alert-paused-3')
      .waitFor({ state: 'detached', timeout: LIVE_DEADLINE_MS });
    expect(await monitor.getByTestId('monitor-counter-3').getAttribute('data-status')).toBe('open');

    // The light theme is as accessible.
    await monitor.getByRole('button', { name: 'Nền sáng' }).click();
    expect(await monitor.getByTestId('monitor').getAttribute('data-theme')).toBe('light');
    expect(await seriousViolations(monitor)).toEqual([]);
  }, 60000);

  test('fits a 1366×768 desktop beside the navigation, and reads in English', async () => {
    const monitor = await open('/admin', 1366, 768);
    await signIn(monitor, 'monitor-supervisor', 'staff-password-1');
    // The monitor is a supervisor's first page.
    await monitor.getByTestId('page-monitor').waitFor();
    await monitor.getByTestId('monitor-counter-1').waitFor();
    await expectNoSidewaysScroll(monitor, 1366);
    // Each service's prefix letter is drawn inside its own row, not out to the left of the
    // panel (measured on the letter itself: an inherited indent moves the text, not the box).
    const prefixes = await monitor.evaluate(() =>
      Array.from(
        document.querySelectorAll('[data-testid^="monitor-service-"] .monitor-prefix'),
      ).map((prefix) => {
        const range = (document as unknown as LetterRanges).createRange();
        range.selectNodeContents(prefix);
        return range.getBoundingClientRect().left >= prefix.getBoundingClientRect().left;
      }),
    );
    expect(prefixes.length).toBeGreaterThan(0);
    expect(prefixes.filter((inside) => !inside)).toEqual([]);
    expect(await seriousViolations(monitor)).toEqual([]);
    await monitor.getByTestId('lang-toggle').click();
    await waitForText(monitor, 'nav-monitor', 'Monitor', 5000);
    expect(await monitor.getByTestId('monitor-counter-5').textContent()).toContain('Paused');
  }, 60000);
});
