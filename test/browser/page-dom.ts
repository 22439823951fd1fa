/**
 * The few DOM shapes browser tests use inside `page.evaluate`. The test project compiles
 * without the DOM library (server code must not see `document`), so a test file that runs
 * code in the page declares the globals it touches with these types:
 *
 *     declare const document: PageDocument;
 */

/** A box as `getBoundingClientRect` gives it. */
export interface PageRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
  toJSON(): unknown;
}

/** An element, as far as the tests read it. */
export interface PageElement {
  getBoundingClientRect(): PageRect;
  parentElement: PageElement | null;
  scrollWidth: number;
  scrollHeight: number;
  clientWidth: number;
  clientHeight: number;
  className: unknown;
  tagName: string;
}

/** The page's document. */
export interface PageDocument {
  documentElement: PageElement;
  querySelectorAll(selector: string): Iterable<PageElement>;
}

/** The page's window. */
export interface PageWindow {
  innerWidth: number;
  innerHeight: number;
}

/** What `getComputedStyle` answers, as far as the tests read it. */
export interface PageStyle {
  overflow: string;
  overflowX: string;
  backgroundColor: string;
}
