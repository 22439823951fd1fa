import type { Page } from 'playwright-core';
import type { PageDocument } from './page-dom';

declare const document: PageDocument;

/** Expects the page to be no wider than `width`, the window's width: nothing runs off sideways. */
export async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}
