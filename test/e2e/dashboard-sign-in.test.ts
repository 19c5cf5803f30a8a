import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../web/build';
import { launchChromium } from '../support/browser';
import { cleanup, devToken, type RunningLocal, startLocal } from './support/local-process';
import { serveDashboard, startStandInIssuer } from './support/stand-in-issuer';

/**
 * The dashboard as deployed: its own origin, config.json naming an OIDC
 * issuer (as the hosted UI's is named on AWS), the API on another origin
 * (CORS). Signing in runs the authorization code flow with PKCE against a
 * stand-in issuer, and the tokens stay in memory.
 */

let local: RunningLocal;
let browser: Browser;
let issuer: Awaited<ReturnType<typeof startStandInIssuer>>;
let site: Awaited<ReturnType<typeof serveDashboard>>;
let dir: string;

beforeAll(async () => {
  [local, browser, dir] = await Promise.all([
    startLocal(['--in-memory']),
    launchChromium(),
    mkdtemp(join(tmpdir(), 'questline-site-')),
  ]);
  await buildWeb(dir);
  issuer = await startStandInIssuer({
    clientId: 'dashboard',
    mintToken: () => devToken(local, 'pkce-player'),
  });
  site = await serveDashboard(dir, {
    apiUrl: `${local.info.api_url}/`,
    wsUrl: local.info.ws_url,
    auth: {
      kind: 'oidc',
      authorizeUrl: `${issuer.url}/authorize`,
      tokenUrl: `${issuer.url}/token`,
      clientId: 'dashboard',
      scopes: ['openid'],
      logoutUrl: `${issuer.url}/logout`,
    },
  });
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.stop(), issuer?.stop()]);
  await cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('signing in to the deployed dashboard', () => {
  it('runs the authorization code flow with PKCE, calls the API cross-origin, and keeps tokens out of storage', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(site.url);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('xp').waitFor({ timeout: 15_000 });
    await expect(page.getByText('Signed in as pkce-player').count()).resolves.toBe(1);
    expect(issuer.seen).toMatchObject({ authorizations: 1, exchanges: 1, refused: [] });
    // the code and state are gone from the address bar; nothing token-like is stored
    expect(new URL(page.url()).search).toBe('');
    const stored = await page.evaluate<string>(
      'JSON.stringify([{ ...localStorage }, { ...sessionStorage }])',
    );
    expect(stored).toBe('[{},{}]');
    await page.getByTestId('live-status').filter({ hasText: 'Live' }).waitFor();
    expect(errors).toEqual([]);

    // Signing out ends the issuer's session too, and comes back to the page, signed out.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(issuer.seen.logouts).toEqual([`dashboard ${site.url}`]);
  });

  it('refuses a sign-in answer whose state is not the one sent', async () => {
    const page = await browser.newPage();
    await page.goto(site.url);
    await page.evaluate(
      `sessionStorage.setItem('questline.pkce', JSON.stringify({ verifier: 'v', state: 'sent' }))`,
    );
    await page.goto(`${site.url}?code=forged&state=other`);
    await page.getByText('does not match the request').waitFor();
    expect(issuer.seen.exchanges).toBe(1);
  });
});
