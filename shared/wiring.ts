import * as z from 'zod';
import { createDynamoClients } from './adapters/dynamo/client';
import { DynamoGameStore } from './adapters/dynamo/game-store';
import { DynamoLeaderboardStore } from './adapters/dynamo/leaderboard-store';
import { DynamoMonsterStore } from './adapters/dynamo/monster-store';
import { DynamoRateLimiter } from './adapters/dynamo/rate-limiter';
import { DynamoShopStore } from './adapters/dynamo/shop-store';
import { DynamoUnlockStatsStore } from './adapters/dynamo/unlock-stats-store';
import { makeAdjustBalance } from './app/adjust-balance';
import { makeBuyShopItem } from './app/buy-shop-item';
import { makeBuyStreakFreeze } from './app/buy-streak-freeze';
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
import { emfBusinessMetrics } from './observability';
import type { Clock, GameStore, UnlockStatsStore } from './ports';
import { loadActiveRules } from './rules/active-rules';
import type { Rules } from './rules/schema';

/**
 * The composition root. Config and rules are parsed when this module loads,
 * so bad config fails the cold start, not a request; the SDK clients, the
 * store and the use cases are built on the first getApp(), so importing a
 * handler never opens a connection.
 */

const envSchema = z.object({
  TABLE_NAME: z.string().min(3, 'must name the DynamoDB table (at least 3 characters)'),
  /** only set locally, to point at DynamoDB Local */
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).optional(),
});

export type WiringConfig = z.output<typeof envSchema>;

export function parseConfig(env: Record<string, string | undefined>): WiringConfig {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new Error(`Invalid environment for the HTTP functions: ${problems}`);
}

export const systemClock: Clock = { now: () => new Date() };

export interface App {
  rules: Rules;
  clock: Clock;
  store: GameStore;
  unlockStats: UnlockStatsStore;
  recordActivity: ReturnType<typeof makeRecordActivity>;
  adjustBalance: ReturnType<typeof makeAdjustBalance>;
  updateUserSettings: ReturnType<typeof makeUpdateUserSettings>;
  listHistory: ReturnType<typeof makeListHistory>;
  getMyStreaks: ReturnType<typeof makeGetMyStreaks>;
  useStreakFreeze: ReturnType<typeof makeUseStreakFreeze>;
  buyStreakFreeze: ReturnType<typeof makeBuyStreakFreeze>;
  getMyAchievements: ReturnType<typeof makeGetMyAchievements>;
  listAchievements: ReturnType<typeof makeListAchievements>;
  shopViews: ReturnType<typeof makeShopViews>;
  buyShopItem: ReturnType<typeof makeBuyShopItem>;
  redeemReward: ReturnType<typeof makeRedeemReward>;
  leaderboards: ReturnType<typeof makeLeaderboardViews>;
}

export function createApp(config: WiringConfig, rules: Rules, clock: Clock = systemClock): App {
  const { doc } = createDynamoClients({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
  const store = new DynamoGameStore({ doc, tableName: config.TABLE_NAME });
  const unlockStats = new DynamoUnlockStatsStore({ doc, tableName: config.TABLE_NAME });
  const deps = { store, rules, clock, metrics: emfBusinessMetrics };
  const shopDeps = {
    ...deps,
    shop: new DynamoShopStore({ doc, tableName: config.TABLE_NAME }),
    monsters: new DynamoMonsterStore({ doc, tableName: config.TABLE_NAME }),
    rateLimiter: new DynamoRateLimiter({ doc, tableName: config.TABLE_NAME }),
  };
  return {
    rules,
    clock,
    store,
    unlockStats,
    recordActivity: makeRecordActivity(deps),
    adjustBalance: makeAdjustBalance(deps),
    updateUserSettings: makeUpdateUserSettings(deps),
    listHistory: makeListHistory(deps),
    getMyStreaks: makeGetMyStreaks(deps),
    useStreakFreeze: makeUseStreakFreeze(deps),
    buyStreakFreeze: makeBuyStreakFreeze(deps),
    getMyAchievements: makeGetMyAchievements(deps),
    listAchievements: makeListAchievements({ rules, unlockStats }),
    shopViews: makeShopViews(shopDeps),
    buyShopItem: makeBuyShopItem(shopDeps),
    redeemReward: makeRedeemReward(shopDeps),
    leaderboards: makeLeaderboardViews({
      rules,
      clock,
      leaderboards: new DynamoLeaderboardStore({ doc, tableName: config.TABLE_NAME }),
    }),
  };
}

const config = parseConfig(process.env);
const rules = loadActiveRules();
let app: App | undefined;

/** The process-wide app: built once, on first use, then reused by every invocation. */
export function getApp(): App {
  app ??= createApp(config, rules);
  return app;
}
