import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { RunningLocal } from './local-process';

/** A signed-in dashboard page, with every console error and page error it met. */
export interface DashboardPage {
  page: Page;
  errors: string[];
}

export async function openDashboard(
  browser: Browser,
  local: RunningLocal,
  userId: string,
  options: BrowserContextOptions = {},
): Promise<DashboardPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(local.info.dashboard_url);
  await page.getByLabel('User id').fill(userId);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('xp').waitFor();
  await page.getByTestId('live-status').filter({ hasText: 'Live' }).waitFor();
  return { page, errors };
}

/** Presses Tab (and only Tab) until the focused element has `testId`; fails after `max` presses. */
export async function tabTo(page: Page, testId: string, max = 400): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<string | null>(
      "document.activeElement?.getAttribute('data-testid') ?? null",
    );
    if (focused === testId) return;
  }
  throw new Error(`${testId} was not reached with ${max} Tab presses`);
}

/** Calls the API as the test (the internal key, or a user's dev token). */
export async function apiAs(local: RunningLocal, bearer: string, path: string, init: RequestInit = {}) {
  const response = await fetch(`${local.info.api_url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
