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
