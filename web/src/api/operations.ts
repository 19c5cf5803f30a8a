import type * as z from 'zod';
import type {
  catalogResponseSchema,
  myAchievementsResponseSchema,
} from '../../../shared/http/achievement-schemas';
import type {
  leaderboardResponseSchema,
  leaderboardsResponseSchema,
  myStandingResponseSchema,
} from '../../../shared/http/leaderboard-schemas';
import type {
  historyResponseSchema,
  outcomeResponseSchema,
  profileResponseSchema,
} from '../../../shared/http/response-schemas';
import type { sceneRequestedResponseSchema } from '../../../shared/http/scene-schemas';
import type {
  itemBoughtResponseSchema,
  monsterResponseSchema,
  redeemedResponseSchema,
  redemptionsResponseSchema,
  rewardsResponseSchema,
  shopItemsResponseSchema,
} from '../../../shared/http/shop-schemas';
import type { freezeResponseSchema, streaksResponseSchema } from '../../../shared/http/streak-schemas';

/**
 * The API operations the dashboard calls, by operationId (the route ids of
 * shared/http/routes/, as the OpenAPI document names them). The answers'
 * types are inferred from the very zod schemas the OpenAPI document is
 * generated from (type-only: no zod in the bundle), and a test checks each
 * method and path against the document, so the page cannot drift from the API.
 */
export const operations = {
  GetMe: { method: 'GET', path: '/v1/me' },
  GetMyHistory: { method: 'GET', path: '/v1/me/history' },
  GetMyStreaks: { method: 'GET', path: '/v1/me/streaks' },
  FreezeStreak: { method: 'POST', path: '/v1/me/streaks/{type}/freeze' },
  GetMyAchievements: { method: 'GET', path: '/v1/me/achievements' },
  ListAchievements: { method: 'GET', path: '/v1/achievements' },
  ListShopItems: { method: 'GET', path: '/v1/shop/items' },
  BuyShopItem: { method: 'POST', path: '/v1/shop/items/{code}/unlock' },
  ListRewards: { method: 'GET', path: '/v1/rewards' },
  RedeemReward: { method: 'POST', path: '/v1/rewards/{id}/redeem' },
  GetMyRedemptions: { method: 'GET', path: '/v1/me/redemptions' },
  GetMyMonster: { method: 'GET', path: '/v1/me/monster' },
  UpdateMyMonster: { method: 'PUT', path: '/v1/me/monster' },
  RequestScene: { method: 'POST', path: '/v1/me/scenes' },
  ListLeaderboards: { method: 'GET', path: '/v1/leaderboards' },
  GetLeaderboard: { method: 'GET', path: '/v1/leaderboards/{board}' },
  GetMyLeaderboardStanding: { method: 'GET', path: '/v1/leaderboards/{board}/me' },
  RecordActivity: { method: 'POST', path: '/v1/internal/activities' },
} as const;

export type OperationId = keyof typeof operations;

type Out<S extends z.ZodType> = z.output<S>;

export interface Answers {
  GetMe: Out<typeof profileResponseSchema>;
  GetMyHistory: Out<typeof historyResponseSchema>;
  GetMyStreaks: Out<typeof streaksResponseSchema>;
  FreezeStreak: Out<typeof freezeResponseSchema>;
  GetMyAchievements: Out<typeof myAchievementsResponseSchema>;
  ListAchievements: Out<typeof catalogResponseSchema>;
  ListShopItems: Out<typeof shopItemsResponseSchema>;
  BuyShopItem: Out<typeof itemBoughtResponseSchema>;
  ListRewards: Out<typeof rewardsResponseSchema>;
  RedeemReward: Out<typeof redeemedResponseSchema>;
  GetMyRedemptions: Out<typeof redemptionsResponseSchema>;
  GetMyMonster: Out<typeof monsterResponseSchema>;
  UpdateMyMonster: Out<typeof monsterResponseSchema>;
  RequestScene: Out<typeof sceneRequestedResponseSchema>;
  ListLeaderboards: Out<typeof leaderboardsResponseSchema>;
  GetLeaderboard: Out<typeof leaderboardResponseSchema>;
  GetMyLeaderboardStanding: Out<typeof myStandingResponseSchema>;
  RecordActivity: Out<typeof outcomeResponseSchema>;
}

export type Profile = Answers['GetMe'];
export type Monster = Answers['GetMyMonster'];
export type ShopItem = Answers['ListShopItems']['items'][number];
export type Streaks = Answers['GetMyStreaks'];
export type LedgerEntry = Answers['GetMyHistory']['items'][number];
export type Board = Answers['ListLeaderboards']['boards'][number];
export type Standing = Answers['GetMyLeaderboardStanding'];
