import type * as z from 'zod';
import { catalogResponseSchema, myAchievementsResponseSchema } from './achievement-schemas';
import { leaderboardRouteSpecs } from './leaderboard-route-specs';
import {
  adjustmentBodySchema,
  historyQuerySchema,
  recordActivityBodySchema,
  updateUserBodySchema,
  userPathSchema,
} from './request-schemas';
import {
  historyResponseSchema,
  outcomeResponseSchema,
  profileResponseSchema,
  rulesResponseSchema,
} from './response-schemas';
import { sceneRouteSpecs } from './scene-route-specs';

import {
  idempotencyHeadersSchema,
  itemBoughtResponseSchema,
  itemPathSchema,
  monsterBodySchema,
  monsterResponseSchema,
  redeemedResponseSchema,
  redemptionsQuerySchema,
  redemptionsResponseSchema,
  rewardPathSchema,
  rewardsResponseSchema,
  shopItemsQuerySchema,
  shopItemsResponseSchema,
} from './shop-schemas';
import {
  freezeBodySchema,
  freezeResponseSchema,
  streakPathSchema,
  streaksResponseSchema,
} from './streak-schemas';

/**
 * What each route in routes.ts accepts and answers, for the OpenAPI document.
 * The handlers parse with these very schemas; `errors` lists every status the
 * error map can produce for the route (500 is implied everywhere).
 */
export interface RouteSpec {
  path?: z.ZodObject;
  query?: z.ZodObject;
  /** request headers the route reads (lower case, as API Gateway hands them over) */
  headers?: z.ZodObject;
  /** optional: the route also accepts no body at all */
  body?: { name: string; schema: z.ZodType; optional?: boolean };
  responses: Record<number, { description: string; schema?: z.ZodType; name?: string }>;
  errors: number[];
}

const outcome = (what: string) => ({
  201: { description: `${what} was applied`, schema: outcomeResponseSchema, name: 'OutcomeResponse' },
  200: {
    description: `${what} was applied before: the first outcome, with duplicate true`,
    schema: outcomeResponseSchema,
    name: 'OutcomeResponse',
  },
});

const profile = { description: 'The profile', schema: profileResponseSchema, name: 'ProfileResponse' };

/** Body routes can also answer 413 (too large) and 415 (not JSON). */
const BODY_ERRORS = [400, 413, 415];

export const routeSpecs: Record<string, RouteSpec> = {
  RecordActivity: {
    body: { name: 'RecordActivityRequest', schema: recordActivityBodySchema },
    responses: outcome('The activity'),
    errors: [...BODY_ERRORS, 401, 409, 422],
  },
  AdjustUserBalance: {
    path: userPathSchema,
    body: { name: 'AdjustmentRequest', schema: adjustmentBodySchema },
    responses: outcome('The adjustment'),
    errors: [...BODY_ERRORS, 401, 409, 422],
  },
  GetRules: {
    responses: {
      200: {
        description: 'The rules document in effect and its version',
        schema: rulesResponseSchema,
        name: 'RulesResponse',
      },
    },
    errors: [401],
  },
  GetUser: {
    path: userPathSchema,
    responses: { 200: profile },
    errors: [400, 401, 404],
  },
  UpdateUser: {
    path: userPathSchema,
    body: { name: 'UpdateUserRequest', schema: updateUserBodySchema },
    responses: { 200: { ...profile, description: 'The profile with the new settings' } },
    errors: [...BODY_ERRORS, 401, 409],
  },
  GetMe: {
    responses: {
      200: { ...profile, description: 'My profile; a fresh level-1 profile before any activity' },
    },
    errors: [401],
  },
  GetMyHistory: {
    query: historyQuerySchema,
    responses: {
      200: { description: 'A page of my ledger', schema: historyResponseSchema, name: 'HistoryResponse' },
    },
    errors: [400, 401],
  },
  GetMyStreaks: {
    responses: {
      200: {
        description: 'Every streak type of the rules, as of now',
        schema: streaksResponseSchema,
        name: 'StreaksResponse',
      },
    },
    errors: [401],
  },
  FreezeStreak: {
    path: streakPathSchema,
    body: { name: 'FreezeRequest', schema: freezeBodySchema, optional: true },
    responses: {
      201: { description: 'A freeze was bought', schema: freezeResponseSchema, name: 'FreezeResponse' },
      200: {
        description: 'A held freeze now covers today; or a purchase replayed (duplicate true)',
        schema: freezeResponseSchema,
        name: 'FreezeResponse',
      },
    },
    // 429: a purchase counts against the shop's rate limit
    errors: [...BODY_ERRORS, 401, 404, 409, 422, 429],
  },
  GetMyAchievements: {
    responses: {
      200: {
        description: 'My achievements',
        schema: myAchievementsResponseSchema,
        name: 'MyAchievementsResponse',
      },
    },
    errors: [401],
  },
  ListAchievements: {
    responses: {
      200: { description: 'The catalog', schema: catalogResponseSchema, name: 'CatalogResponse' },
    },
    errors: [],
  },
  ListShopItems: {
    query: shopItemsQuerySchema,
    responses: {
      200: { description: 'The shop catalog', schema: shopItemsResponseSchema, name: 'ShopItemsResponse' },
    },
    errors: [400, 401],
  },
  BuyShopItem: {
    path: itemPathSchema,
    headers: idempotencyHeadersSchema,
    responses: {
      201: {
        description: 'The item was bought',
        schema: itemBoughtResponseSchema,
        name: 'ItemBoughtResponse',
      },
      200: {
        description: 'A replayed Idempotency-Key: the first purchase, duplicate true',
        schema: itemBoughtResponseSchema,
        name: 'ItemBoughtResponse',
      },
    },
    errors: [400, 401, 404, 409, 422, 429],
  },
  ListRewards: {
    responses: {
      200: { description: 'The rewards', schema: rewardsResponseSchema, name: 'RewardsResponse' },
    },
    errors: [401],
  },
  RedeemReward: {
    path: rewardPathSchema,
    headers: idempotencyHeadersSchema,
    responses: {
      201: {
        description: 'The reward was redeemed',
        schema: redeemedResponseSchema,
        name: 'RedeemedResponse',
      },
      200: {
        description: 'A replayed Idempotency-Key: the first redemption, duplicate true',
        schema: redeemedResponseSchema,
        name: 'RedeemedResponse',
      },
    },
    errors: [400, 401, 404, 409, 422, 429],
  },
  GetMyRedemptions: {
    query: redemptionsQuerySchema,
    responses: {
      200: {
        description: 'A page of my redemptions',
        schema: redemptionsResponseSchema,
        name: 'RedemptionsResponse',
      },
    },
    errors: [400, 401],
  },
  GetMyMonster: {
    responses: { 200: { description: 'My monster', schema: monsterResponseSchema, name: 'MonsterResponse' } },
    errors: [401],
  },
  UpdateMyMonster: {
    body: { name: 'MonsterRequest', schema: monsterBodySchema },
    responses: {
      200: {
        description: 'My monster as stored, with needs_scene_regeneration',
        schema: monsterResponseSchema,
        name: 'MonsterResponse',
      },
    },
    errors: [...BODY_ERRORS, 401, 409, 429],
  },
  ...leaderboardRouteSpecs,
  ...sceneRouteSpecs,
  GetOpenApi: {
    responses: { 200: { description: 'This document' } },
    errors: [],
  },
};
