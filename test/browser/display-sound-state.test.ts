import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { describeInChromium } from './harness';

declare const window: {
  __luotVoice?: { log: Array<{ kind: string; failed?: string[] }> };
};

/**
 * Headless Chromium lets every AudioContext run whatever `--autoplay-policy` says, so the
 * page's contexts are suspended at birth here, as a headed Chromium without the flag
 * does until the first tap; `resume()` still works only from the page's own code.
 */
const AUTOPLAY_BLOCKED = `(() => {
  const Native = window.AudioContext;
  window.AudioContext = class extends Native {
    constructor(...args) {
      super(...args);
      void this.suspend();
    }
  };
})();`;

async function openBlocked(
  open: (path: string, w: number, h: number) => Promise<Page>,
  w: number,
  h: number,
) {
  const display = await open('/display', w, h);
  await display.addInitScript(AUTOPLAY_BLOCKED);
  await display.reload();
  return display;
}

describeInChromium(
  'the hall display tells the truth about its sound, in Chromium',
  ({ open }) => {
    test('shows “Bật âm thanh” while audio is blocked, and hides it once tapped', async () => {
      const display = await openBlocked(open, 1920, 1080);

      const button = display.getByTestId('sound-enable');
      await button.waitFor({ timeout: 5000 });
      expect((await button.textContent())?.trim()).toContain('Bật âm thanh');
      // Its loudspeaker is drawn, not an emoji a PC without an emoji font shows as a box.
      expect((await button.textContent())?.trim()).toBe('Bật âm thanh');
      expect(await button.locator('svg').count()).toBe(1);
      expect(await seriousViolations(display)).toEqual([]);
      await button.click();

      await button.waitFor({ state: 'detached', timeout: 5000 });
      expect(await display.getByTestId('sound-warning').count()).toBe(0);
    }, 30_000);

    test('warns visibly, in an alert, when the clips cannot be loaded', async () => {
      const display = await open('/display', 1080, 1920);
      await display.route('**/voice/**', (route) => route.fulfill({ status: 503, body: '' }));
      await display.reload();

      const warning = display.getByTestId('sound-warning');
      await warning.waitFor({ timeout: 10_000 });
      expect(await warning.getAttribute('role')).toBe('alert');
      expect(await warning.textContent()).toContain('Không tải được giọng đọc');
      expect(await seriousViolations(display)).toEqual([]);
      const box = await warning.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(1920);

      const failed = await display.evaluate(
        () => window.__luotVoice?.log.filter((e) => e.kind === 'clips').at(-1)?.failed?.length,
      );
      expect(failed).toBeGreaterThan(0);
    }, 30_000);
  },
  { chromiumArgs: ['--autoplay-policy=no-user-gesture-required'] },
);
