import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * A real browser for the tests of web pages: Debian's Chromium driven by playwright-core
 * (scripts/test-services.sh installs it when missing). One browser per test file; every page in
 * its own context, closed after use.
 */
export const CHROMIUM = '/usr/bin/chromium';

export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM });

/** Runs `use` on a fresh page of its own context (no cookies or history shared), closed afterwards. */
export async function withPage<T>(
  browser: Browser,
  use: (page: Page) => Promise<T>,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Presses the button labelled `label` and waits for the page the browser lands on. */
export async function press(page: Page, label: string, landing: string | RegExp | ((url: URL) => boolean)): Promise<void> {
  await Promise.all([page.waitForURL(landing), page.getByRole('button', { name: label, exact: true }).click()]);
}
