import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { PageDocument, PageElement, PageStyle, PageWindow } from './page-dom';

declare const document: PageDocument;
declare const window: PageWindow;
declare function getComputedStyle(element: PageElement): PageStyle;

/** The two ways a hall TV is mounted. */
export const DISPLAY_SIZES = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;

/** Where browser tests leave screenshots for CI to keep (git-ignored). */
const ARTIFACTS = path.join(__dirname, '..', 'artifacts');

/**
 * What keeps the page from fitting its viewport: a scrollbar either way, or an element
 * (by test id, every match) that is missing, not wholly inside the viewport or cut off by
 * a box that hides its overflow. Empty when it fits.
 */
export async function layoutProblems(page: Page, testIds: readonly string[]): Promise<string[]> {
  return page.evaluate((ids) => {
    const problems: string[] = [];
    const root = document.documentElement;
    const { innerWidth: width, innerHeight: height } = window;
    if (root.scrollHeight > height) problems.push(`scrollHeight ${root.scrollHeight} > ${height}`);
    if (root.scrollWidth > width) problems.push(`scrollWidth ${root.scrollWidth} > ${width}`);
    for (const id of ids) {
      const elements = [...document.querySelectorAll(`[data-testid="${id}"]`)];
      if (elements.length === 0) problems.push(`${id}: missing`);
      for (const element of elements) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) problems.push(`${id}: empty box`);
        if (box.left < 0 || box.top < 0 || box.right > width + 0.5 || box.bottom > height + 0.5) {
          problems.push(`${id}: outside the viewport at ${JSON.stringify(box.toJSON())}`);
        }
        // Inside the viewport yet cut off by a box that hides its overflow is not shown either.
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          if (getComputedStyle(parent).overflow === 'visible') continue;
          const clip = parent.getBoundingClientRect();
          if (
            box.left < clip.left - 0.5 ||
            box.top < clip.top - 0.5 ||
            box.right > clip.right + 0.5 ||
            box.bottom > clip.bottom + 0.5
          ) {
            problems.push(`${id}: cut off by ${parent.className || parent.tagName}`);
          }
        }
      }
    }
    return problems;
  }, testIds);
}

/** Whether an element's text is longer than its box, so that it ends in an ellipsis. */
export async function isEllipsized(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((element: PageElement) => element.scrollWidth > element.clientWidth);
}

/** Saves a screenshot of the page under test/artifacts/ for CI to keep. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), animations: 'disabled' });
}
