import type { Context } from 'aws-lambda';
import { vi } from 'vitest';
import { DynamoUnlockStatsStore } from '../../../shared/adapters/dynamo/unlock-stats-store';
import type { HttpEvent } from '../../../shared/http/types';
import defaultRules from '../../../shared/rules/default-rules.json';
import { createTestStore, type TestStore, useTableEnv } from '../../support/dynamodb';
import { shopFor } from '../../support/shop-fixtures';
import { type Auth, httpEvent } from './events';

type Handler = (event: HttpEvent, context: Context) => Promise<unknown>;

/** A small catalog, so the tests read their own numbers rather than the shipped catalog's. */
export const testAchievements = {
  first_steps: {
    name: 'First Steps',
    description: 'Record your first activity',
    category: 'engagement',
    rarity: 'common',
    kind: 'one_off',
    criterion: { kind: 'activity', min: 1 },
    reward: { xp: 15, coins: 5 },
  },
  quiz_fan: {
    name: 'Quiz Fan',
    description: 'Complete 4 quizzes',
    category: 'study_time',
    rarity: 'rare',
    kind: 'incremental',
    criterion: { kind: 'count', activity: 'quiz_completed', min: 4 },
    reward: { xp: 40, coins: 10 },
  },
  night_owl: {
    name: 'Night Owl',
    description: 'Make a story decision',
    category: 'special',
    rarity: 'epic',
    kind: 'one_off',
    hidden: true,
    criterion: { kind: 'count', activity: 'decision_made', min: 1 },
    reward: { xp: 5, coins: 1 },
  },
};

export const testRulesJson = JSON.stringify({
  ...defaultRules,
  achievements: testAchievements,
  shop: shopFor(testAchievements),
});

export interface ProgressApi {
  recordActivity: Handler;
  adjustUserBalance: Handler;
  getMyStreaks: Handler;
  freezeStreak: Handler;
  getMyAchievements: Handler;
  listAchievements: Handler;
  /** the unlock counts the stream consumer keeps, on the handlers' table */
  unlockStats: DynamoUnlockStatsStore;
  /** the handlers' table, to read what they wrote */
  store: TestStore['store'];
}

/** A fresh table and the real handlers, imported after the env is set (as on a cold start). */
export async function loadProgressApi(): Promise<ProgressApi> {
  const testStore = await createTestStore();
  useTableEnv(testStore);
  process.env.QUESTLINE_RULES_JSON = testRulesJson;
  vi.resetModules();
  const modules = await Promise.all([
    import('../../../functions/http/internal/record-activity'),
    import('../../../functions/http/internal/adjust-user-balance'),
    import('../../../functions/http/me/get-my-streaks'),
    import('../../../functions/http/me/freeze-streak'),
    import('../../../functions/http/me/get-my-achievements'),
    import('../../../functions/http/achievements/list-achievements'),
  ]);
  delete process.env.QUESTLINE_RULES_JSON;
  const [recordActivity, adjustUserBalance, getMyStreaks, freezeStreak, getMyAchievements, listAchievements] =
    modules.map((m) => m.handler as Handler);
  return {
    recordActivity,
    adjustUserBalance,
    getMyStreaks,
    freezeStreak,
    getMyAchievements,
    listAchievements,
    unlockStats: new DynamoUnlockStatsStore(testStore),
    store: testStore.store,
  } as ProgressApi;
}

export const getMyStreaksEvent = (auth: Auth) => httpEvent({ method: 'GET', route: '/v1/me/streaks', auth });

export const freezeEvent = (auth: Auth, type: string, body?: unknown) =>
  httpEvent({
    method: 'POST',
    route: '/v1/me/streaks/{type}/freeze',
    pathParameters: { type },
    auth,
    ...(body !== undefined && { body }),
  });

export const getMyAchievementsEvent = (auth: Auth) =>
  httpEvent({ method: 'GET', route: '/v1/me/achievements', auth });

export const listAchievementsEvent = (auth: Auth = { kind: 'none' }) =>
  httpEvent({ method: 'GET', route: '/v1/achievements', auth });
