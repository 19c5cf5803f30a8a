import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import axe from 'axe-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { recentDaytimeIso } from '../support/daytime';
import { apiAs, openDashboard, tabTo } from './support/dashboard';
import { cleanup, devToken, REPO_ROOT, type RunningLocal, startLocal } from './support/local-process';

/**
 * The player's dashboard in a real Chromium against `npm start`: the dashboard shows what
 * the API answers, follows pushes without a reload, buys, dresses and saves
 * (keyboard only), explains a conflicting save, and passes axe-core.
 */

const SCREENSHOTS = join(REPO_ROOT, 'test-output', 'screenshots');
let local: RunningLocal;
let browser: Browser;

beforeAll(async () => {
  [local, browser] = await Promise.all([startLocal(['--in-memory']), launchChromium()]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await cleanup();
});

const key = () => local.info.internal_key;
const record = (userId: string, eventId: string, body: Record<string, unknown> = {}) =>
  apiAs(local, key(), '/v1/internal/activities', {
    method: 'POST',
    body: JSON.stringify({
      event_id: eventId,
      user_id: userId,
      activity_type: 'lesson_complete',
      subject_id: eventId,
      occurred_at: recentDaytimeIso(),
      ...body,
    }),
  });
const grantCoins = (userId: string, coins: number) =>
  apiAs(local, key(), `/v1/internal/users/${userId}/adjustments`, {
    method: 'POST',
    body: JSON.stringify({ event_id: `grant-${userId}`, direction: 'grant', coins, reason: 'test' }),
  });

describe('the dashboard in Chromium', () => {
  it("shows the API's level, coins, streak, achievements and board, then follows a push without a reload", async () => {
    expect((await record('dash-ada', 'dash-ada-1')).status).toBe(201);
    const { page, errors } = await openDashboard(browser, local, 'dash-ada');
    const token = await devToken(local, 'dash-ada');
    const me = (await apiAs(local, token, '/v1/me')).body as {
      level: number;
      title: string;
      xp: number;
      coins: number;
    };
    const streaks = (await apiAs(local, token, '/v1/me/streaks')).body as {
      streaks: { type: string; current: number }[];
    };
    const mine = (await apiAs(local, token, '/v1/me/achievements')).body as { unlocked: { id: string }[] };

    await expect(page.locator('#xp-title').textContent()).resolves.toBe(`Level ${me.level}`);
    await expect(page.getByTestId('title').textContent()).resolves.toBe(me.title);
    await expect(page.getByTestId('xp').textContent()).resolves.toBe(String(me.xp));
    await expect(page.getByTestId('coins').textContent()).resolves.toBe(String(me.coins));
    const daily = streaks.streaks.find((s) => s.type === 'daily_activity');
    await expect(page.getByTestId('streak').textContent()).resolves.toContain(`${daily?.current} day`);
    for (const { id } of mine.unlocked) {
      await expect(page.getByTestId(`achievement-${id}`).getAttribute('data-unlocked')).resolves.toBe('true');
    }
    await page.getByTestId('board').locator('li.me').waitFor();
    await expect(page.getByTestId('board').locator('li.me').textContent()).resolves.toContain('You');

    // An activity from outside the page: a toast, and the counters move, with no reload.
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    // 300 XP: past the first milestone, so the scene is drawn and swapped in too
    expect((await record('dash-ada', 'dash-ada-2', { activity_type: 'custom', amount: 300 })).status).toBe(
      201,
    );
    await page.getByTestId('toast').filter({ hasText: 'XP' }).first().waitFor({ timeout: 10_000 });
    const after = (await apiAs(local, token, '/v1/me')).body as { xp: number };
    await page
      .getByTestId('xp')
      .filter({ hasText: String(after.xp) })
      .waitFor({ timeout: 10_000 });
    expect(after.xp).toBeGreaterThan(me.xp);
    await page.locator('img.scene[src*="/scenes/"]').waitFor({ timeout: 15_000 });
    expect(navigations).toEqual([]);

    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-desktop.png') });
    await page.setViewportSize({ width: 360, height: 780 });
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-phone.png'), fullPage: true });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('buys, tries on and saves with the keyboard alone', async () => {
    expect((await grantCoins('dash-bob', 200)).status).toBe(201);
    const { page, errors } = await openDashboard(browser, local, 'dash-bob');
    await tabTo(page, 'buy-hat_beanie');
    await page.keyboard.press('Enter');
    await page.getByTestId('wear-hat_beanie').waitFor();
    await tabTo(page, 'wear-hat_beanie');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('wear-hat_beanie').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByTestId('look-preview').textContent()).resolves.toContain('Cozy Beanie');
    await tabTo(page, 'save-look');
    await page.keyboard.press('Enter');
    await page.getByTestId('monster-notice').filter({ hasText: 'Saved' }).waitFor();

    const monster = (await apiAs(local, await devToken(local, 'dash-bob'), '/v1/me/monster')).body as {
      customizations: { accessories: string[] };
      scene_job_id?: string;
    };
    expect(monster.customizations.accessories).toEqual(['hat_beanie']);
    const coins = (await apiAs(local, await devToken(local, 'dash-bob'), '/v1/me')).body.coins;
    expect(coins).toBe(120);
    expect(errors).toEqual([]);
  });

  it('explains a save that another tab overtook, reloads the monster and keeps the selection', async () => {
    expect((await grantCoins('dash-cy', 100)).status).toBe(201);
    const token = await devToken(local, 'dash-cy');
    const bought = await apiAs(local, token, '/v1/shop/items/bow_tie/unlock', {
      method: 'POST',
      headers: { 'idempotency-key': 'dash-cy-bow' },
    });
    expect(bought.status).toBe(201);
    const first = await openDashboard(browser, local, 'dash-cy');
    const second = await openDashboard(browser, local, 'dash-cy');

    // The second tab's selection is made on the version it loaded ...
    await second.page.getByTestId('wear-bow_tie').click();
    // ... then the first tab stores a change (whose scene push may reach the second tab any time) ...
    await first.page.getByTestId('wear-pencil_ear').click();
    await first.page.getByTestId('save-look').click();
    await first.page.getByTestId('monster-notice').filter({ hasText: 'Saved' }).waitFor();
    // ... so the second tab's save is refused and explained, never applied over the first one's.
    await second.page.getByTestId('save-look').click();
    await second.page.getByTestId('monster-notice').filter({ hasText: 'changed in another tab' }).waitFor();
    // ... the selection is kept, and saving again (now on the reloaded version) applies it
    await expect(second.page.getByTestId('wear-bow_tie').getAttribute('aria-pressed')).resolves.toBe('true');
    await second.page.getByTestId('save-look').click();
    await second.page.getByTestId('monster-notice').filter({ hasText: 'Saved' }).waitFor();
    const monster = (await apiAs(local, token, '/v1/me/monster')).body as {
      customizations: { accessories: string[] };
      version: number;
    };
    expect(monster.customizations.accessories).toEqual(['bow_tie']);
    expect(monster.version).toBe(2);
    // the refused save is the one expected error: the browser logs the 409 response
    const unexpected = [...first.errors, ...second.errors].filter((e) => !e.includes('409'));
    expect(unexpected).toEqual([]);
  });

  it('passes axe-core with no serious or critical violations', async () => {
    // a user on the board, with an achievement unlocked and a streak: every kind of row and card drawn
    expect((await record('dash-axe', 'dash-axe-1')).status).toBe(201);
    const { page } = await openDashboard(browser, local, 'dash-axe', { bypassCSP: true });
    await page.getByTestId('board').locator('li.me').waitFor();
    await page.addScriptTag({ content: axe.source });
    const results = await page.evaluate<{ id: string; impact: string; nodes: number; where: string[] }[]>(
      `axe.run(document, { resultTypes: ['violations'] }).then((run) =>
        run.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, where: v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ': ' + n.failureSummary) })))`,
    );
    expect(results.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('keeps the first screen small and fast (bundle measured, render time reported)', async () => {
    const script = Buffer.from(await (await fetch(`${local.info.dashboard_url}app.js`)).arrayBuffer());
    const gzipped = gzipSync(script).length;
    expect(gzipped).toBeLessThan(100 * 1024);
    const { page } = await openDashboard(browser, local, 'dash-ada');
    // The page's first paint (the sign-in form), then sign-in to the player's figures on screen.
    const painted = await page.evaluate<{ firstContentfulPaint: number; signInToData: number }>(
      `({
        firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
        signInToData: performance.getEntriesByName('questline:dashboard-data')[0].startTime
          - performance.getEntriesByName('questline:signed-in')[0].startTime,
      })`,
    );
    console.log(
      `dashboard: app.js ${(gzipped / 1024).toFixed(1)} KB gzipped; first contentful paint ${painted.firstContentfulPaint.toFixed(0)} ms; ` +
        `signed in to the player's figures ${painted.signInToData.toFixed(0)} ms`,
    );
    expect(painted.signInToData).toBeGreaterThan(0);
  });
});
