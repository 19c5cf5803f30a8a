import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogResponseSchema, myAchievementsResponseSchema } from '../../shared/http/achievement-schemas';
import { outcomeResponseSchema } from '../../shared/http/response-schemas';
import { freezeResponseSchema, streaksResponseSchema } from '../../shared/http/streak-schemas';
import defaultRules from '../../shared/rules/default-rules.json';
import { shopFor } from '../support/shop-fixtures';
import { cleanup, devToken, type RunningLocal, startLocal } from './support/local-process';

/**
 * Through `npm start`: a user's activity shows as a streak on
 * /v1/me/streaks and unlocks an achievement visible on /v1/me/achievements,
 * over real HTTP against the real handlers and DynamoDB Local.
 */

const rules = {
  ...defaultRules,
  achievements: {
    first_steps: {
      name: 'First Steps',
      description: 'Record your first activity',
      category: 'engagement',
      rarity: 'common',
      kind: 'one_off',
      criterion: { kind: 'activity', min: 1 },
      reward: { xp: 15, coins: 5 },
    },
  },
  shop: shopFor({ first_steps: {} }),
};

let local: RunningLocal;
let rulesDir = '';
beforeAll(async () => {
  rulesDir = await mkdtemp(join(tmpdir(), 'questline-e2e-rules-'));
  const file = join(rulesDir, 'rules.json');
  await writeFile(file, JSON.stringify(rules));
  local = await startLocal(['--in-memory', '--rules', file]);
}, 60_000);
afterAll(async () => {
  await cleanup();
  await rm(rulesDir, { recursive: true, force: true });
});

const api = (path: string) => `${local.info.api_url}${path}`;

const tokenFor = (userId: string) => devToken(local, userId);

describe('streaks and achievements through the local runtime', () => {
  const userId = 'streak-user';
  let token = '';
  const asUser = () => ({ authorization: `Bearer ${token}` });

  it('records an activity that starts a streak and unlocks First Steps with its reward', async () => {
    token = await tokenFor(userId);
    const response = await fetch(api('/v1/internal/activities'), {
      method: 'POST',
      headers: { authorization: `Bearer ${local.info.internal_key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        event_id: 'e2e-quiz-1',
        user_id: userId,
        activity_type: 'quiz_completed',
        occurred_at: new Date().toISOString(),
      }),
    });
    expect(response.status).toBe(201);
    const outcome = outcomeResponseSchema.parse(await response.json());
    expect(outcome.achievements).toEqual([{ id: 'first_steps', name: 'First Steps', xp: 15, coins: 5 }]);
    expect(outcome.streaks).toContainEqual(
      expect.objectContaining({ type: 'daily_activity', action: 'started' }),
    );
  });

  it('shows the streak on /v1/me/streaks, kept today', async () => {
    const response = await fetch(api('/v1/me/streaks'), { headers: asUser() });
    expect(response.status).toBe(200);
    const view = streaksResponseSchema.parse(await response.json());
    expect(view.streaks.find((s) => s.type === 'daily_activity')).toMatchObject({
      status: 'active',
      current: 1,
      done_today: true,
    });
  });

  it('shows the unlock on /v1/me/achievements', async () => {
    const response = await fetch(api('/v1/me/achievements'), { headers: asUser() });
    expect(response.status).toBe(200);
    const mine = myAchievementsResponseSchema.parse(await response.json());
    expect(mine.unlocked).toEqual([expect.objectContaining({ id: 'first_steps', times: 1 })]);
  });

  it('refuses a freeze for a streak already kept today with 409', async () => {
    const response = await fetch(api('/v1/me/streaks/daily_activity/freeze'), {
      method: 'POST',
      headers: asUser(),
    });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('streak_kept_today');
  });

  it('buys a freeze with coins once the balance allows', async () => {
    const grant = await fetch(api(`/v1/internal/users/${userId}/adjustments`), {
      method: 'POST',
      headers: { authorization: `Bearer ${local.info.internal_key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ event_id: 'e2e-grant', direction: 'grant', coins: 300, reason: 'e2e' }),
    });
    expect(grant.status).toBe(201);
    const response = await fetch(api('/v1/me/streaks/daily_activity/freeze'), {
      method: 'POST',
      headers: { ...asUser(), 'content-type': 'application/json' },
      body: JSON.stringify({ buy: true, event_id: 'e2e-buy-1' }),
    });
    expect(response.status).toBe(201);
    expect(freezeResponseSchema.parse(await response.json())).toMatchObject({
      action: 'bought',
      freezes_held: 4,
    });
  });

  it('serves the catalog without a token, with the rarity the stream consumer counted', async () => {
    // A second user who has a profile (a setting changed) but no activity: First Steps is 1 of 2.
    const patched = await fetch(api('/v1/internal/users/idle-user'), {
      method: 'PATCH',
      headers: { authorization: `Bearer ${local.info.internal_key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ time_zone: 'Asia/Tokyo' }),
    });
    expect(patched.status).toBe(200);
    const deadline = Date.now() + 5_000;
    let catalog = catalogResponseSchema.parse({ users: 0, items: [] });
    while (Date.now() < deadline) {
      const response = await fetch(api('/v1/achievements'));
      expect(response.status).toBe(200);
      catalog = catalogResponseSchema.parse(await response.json());
      if (catalog.users === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(catalog.items.map((a) => a.id)).toEqual(['first_steps']);
    expect(catalog.users).toBe(2);
    expect(catalog.items[0]?.unlocked_percent).toBe(50);
  });

  it('answers 401 on /v1/me/streaks without a token', async () => {
    expect((await fetch(api('/v1/me/streaks'))).status).toBe(401);
  });
});
