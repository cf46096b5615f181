import type { Browser, Page } from 'playwright-core';

/** Logs `who` in through the real log-in page, in a fresh browser context, and waits for home. */
export async function logInAs(
  browser: Browser,
  appUrl: string,
  who: { email: string; password: string },
  width = 1280,
): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
  await page.goto(`${appUrl}/login`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: /Welcome to Pulse/ }).waitFor();
  return page;
}
