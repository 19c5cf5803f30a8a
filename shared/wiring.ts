import type * as z from 'zod';
import { createDynamoClient } from './adapters/dynamo/client';
import { DynamoGameStore } from './adapters/dynamo/game-store';
import { DynamoLeaderboardStore } from './adapters/dynamo/leaderboard-store';
import { DynamoMonsterStore } from './adapters/dynamo/monster-store';
import { DynamoRateLimiter } from './adapters/dynamo/rate-limiter';
import { DynamoReplaySource } from './adapters/dynamo/replay-source';
import { DynamoShopStore } from './adapters/dynamo/shop-store';
import { DynamoUnlockStatsStore } from './adapters/dynamo/unlock-stats-store';
import { makeAdjustBalance } from './app/adjust-balance';
import { makeBackfillSegment } from './app/backfill-segment';
import { makeBuyShopItem } from './app/buy-shop-item';
import { makeBuyStreakFreeze } from './app/buy-streak-freeze';
import type { AppDeps } from './app/deps';
import { makeGetMyAchievements } from './app/get-my-achievements';
import { makeGetMyStreaks } from './app/get-my-streaks';
import { makeLeaderboardViews } from './app/leaderboard-views';
import { makeListAchievements } from './app/list-achievements';
import { makeListHistory } from './app/list-history';
import { makeRecordActivity } from './app/record-activity';
import { makeRedeemReward } from './app/redeem-reward';
import { makeShopViews } from './app/shop-views';
import { makeUpdateUserSettings } from './app/update-user-settings';
import { makeUseStreakFreeze } from './app/use-streak-freeze';
import { type Env, parseEnv, tableEnvSchema } from './env';
import { emfBusinessMetrics } from './observability';
import type { Clock } from './ports/operations';
import { loadActiveRules } from './rules/active-rules';

/**
 * The composition root of the table's functions, one use case at a time.
 * Config and rules are parsed when this module loads, so bad config fails
 * the cold start, not a request. Each `...UseCase()` builds its use case,
 * with only the stores it needs, on first call and reuses it: importing a
 * handler opens no connection, and a function's bundle carries only what
 * its own getter reaches (esbuild drops the rest: package.json declares the
 * modules free of side effects).
 */

export type WiringConfig = z.output<typeof tableEnvSchema>;

export function parseConfig(env: Env): WiringConfig {
  return parseEnv(tableEnvSchema, env, 'the HTTP functions');
}

export const systemClock: Clock = { now: () => new Date() };

const config = parseConfig(process.env);
const rules = loadActiveRules();

/** The rules in effect (the operator's, inlined at synth, or the shipped ones). */
export const activeRules = () => rules;

/** Built once per process, on first call. (`@__PURE__`: an unused getter leaves the bundle, with all it reaches.) */
function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}

const table = /* @__PURE__ */ once(() => {
  const client = createDynamoClient({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
  return { client, tableName: config.TABLE_NAME };
});

const gameDeps = /* @__PURE__ */ once(
  (): AppDeps => ({
    store: new DynamoGameStore(table()),
    rules,
    clock: systemClock,
    metrics: emfBusinessMetrics,
  }),
);

const rateLimiter = /* @__PURE__ */ once(() => new DynamoRateLimiter(table()));

const shopDeps = /* @__PURE__ */ once(() => ({
  ...gameDeps(),
  shop: new DynamoShopStore(table()),
  monsters: new DynamoMonsterStore(table()),
  rateLimiter: rateLimiter(),
}));

export const recordActivityUseCase = /* @__PURE__ */ once(() => makeRecordActivity(gameDeps()));
export const adjustBalanceUseCase = /* @__PURE__ */ once(() => makeAdjustBalance(gameDeps()));
export const updateUserSettingsUseCase = /* @__PURE__ */ once(() => makeUpdateUserSettings(gameDeps()));
export const listHistoryUseCase = /* @__PURE__ */ once(() => makeListHistory(gameDeps()));
export const getMyStreaksUseCase = /* @__PURE__ */ once(() => makeGetMyStreaks(gameDeps()));
export const useStreakFreezeUseCase = /* @__PURE__ */ once(() => makeUseStreakFreeze(gameDeps()));
export const buyStreakFreezeUseCase = /* @__PURE__ */ once(() =>
  makeBuyStreakFreeze({ ...gameDeps(), rateLimiter: rateLimiter() }),
);
export const getMyAchievementsUseCase = /* @__PURE__ */ once(() => makeGetMyAchievements(gameDeps()));
export const unlockStatsStore = /* @__PURE__ */ once(() => new DynamoUnlockStatsStore(table()));
export const listAchievementsUseCase = /* @__PURE__ */ once(() =>
  makeListAchievements({ rules, unlockStats: unlockStatsStore() }),
);
export const shopViewsUseCase = /* @__PURE__ */ once(() => makeShopViews(shopDeps()));
export const buyShopItemUseCase = /* @__PURE__ */ once(() => makeBuyShopItem(shopDeps()));
export const redeemRewardUseCase = /* @__PURE__ */ once(() => makeRedeemReward(shopDeps()));
export const backfillSegmentUseCase = /* @__PURE__ */ once(() =>
  makeBackfillSegment({ ...gameDeps(), source: new DynamoReplaySource(table()) }),
);
export const leaderboardStore = /* @__PURE__ */ once(() => new DynamoLeaderboardStore(table()));
export const leaderboardViewsUseCase = /* @__PURE__ */ once(() =>
  makeLeaderboardViews({ rules, clock: systemClock, leaderboards: leaderboardStore() }),
);
