import type { Page } from 'playwright-core';
import type { TestServer } from '../support/test-server';

/** Fills the sign-in form on the page with `username` and `password` and submits it. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Signs in through the form as the test server's first admin. */
export async function signInAsAdmin(page: Page, server: TestServer): Promise<void> {
  await signIn(page, server.adminUsername, server.adminPassword);
}

/**
 * Opens `/admin/<page>` at the office PC's 1366×768, signs in through the form, and waits
 * for the page's heading.
 */
export async function openAdminPageAs(
  open: (path: string, w: number, h: number) => Promise<Page>,
  path: string,
  username: string,
  password: string,
): Promise<Page> {
  const page = await open(path, 1366, 768);
  await signIn(page, username, password);
  await page
    .getByTestId(`page-${path.split('/')[2]}`)
    .locator('h2')
    .waitFor();
  return page;
}
