import { appliedOnce, defineRoute } from '../define-route';
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
} from '../shop-schemas';

/** Spending coins: the shop, rewards and my monster's look. */

export const listShopItemsRoute = defineRoute({
  id: 'ListShopItems',
  method: 'GET',
  path: '/v1/shop/items',
  entry: 'functions/http/shop/list-shop-items.ts',
  auth: 'jwt',
  table: 'read',
  summary: 'The shop catalog as I see it: price, requirement, unlocked, equipped, can I buy it',
  request: { query: shopItemsQuerySchema },
  responses: {
    200: { description: 'The shop catalog', schema: shopItemsResponseSchema, name: 'ShopItemsResponse' },
  },
  errors: [],
});

export const buyShopItemRoute = defineRoute({
  id: 'BuyShopItem',
  method: 'POST',
  path: '/v1/shop/items/{code}/unlock',
  entry: 'functions/http/shop/buy-shop-item.ts',
  auth: 'jwt',
  table: 'read-write',
  summary: 'Buy a shop item with coins, in one transaction',
  request: { path: itemPathSchema, headers: idempotencyHeadersSchema },
  responses: appliedOnce(itemBoughtResponseSchema, 'ItemBoughtResponse', {
    created: 'The item was bought',
    replayed: 'A replayed Idempotency-Key: the first purchase, duplicate true',
  }),
  errors: [404, 409, 422, 429],
});

export const listRewardsRoute = defineRoute({
  id: 'ListRewards',
  method: 'GET',
  path: '/v1/rewards',
  entry: 'functions/http/rewards/list-rewards.ts',
  auth: 'jwt',
  table: 'read',
  summary: 'Rewards to redeem coins for, with the stock left',
  responses: {
    200: { description: 'The rewards', schema: rewardsResponseSchema, name: 'RewardsResponse' },
  },
  errors: [],
});

export const redeemRewardRoute = defineRoute({
  id: 'RedeemReward',
  method: 'POST',
  path: '/v1/rewards/{id}/redeem',
  entry: 'functions/http/rewards/redeem-reward.ts',
  auth: 'jwt',
  table: 'read-write',
  summary: 'Redeem a reward: coins, stock and my limit in one transaction',
  request: { path: rewardPathSchema, headers: idempotencyHeadersSchema },
  responses: appliedOnce(redeemedResponseSchema, 'RedeemedResponse', {
    created: 'The reward was redeemed',
    replayed: 'A replayed Idempotency-Key: the first redemption, duplicate true',
  }),
  errors: [404, 409, 422, 429],
});

export const getMyRedemptionsRoute = defineRoute({
  id: 'GetMyRedemptions',
  method: 'GET',
  path: '/v1/me/redemptions',
  entry: 'functions/http/me/get-my-redemptions.ts',
  auth: 'jwt',
  table: 'read',
  summary: 'My reward redemptions, newest first',
  request: { query: redemptionsQuerySchema },
  responses: {
    200: {
      description: 'A page of my redemptions',
      schema: redemptionsResponseSchema,
      name: 'RedemptionsResponse',
    },
  },
  errors: [],
});

export const getMyMonsterRoute = defineRoute({
  id: 'GetMyMonster',
  method: 'GET',
  path: '/v1/me/monster',
  entry: 'functions/http/me/get-my-monster.ts',
  auth: 'jwt',
  table: 'read',
  scenes: 'read',
  summary: 'My monster avatar, its scene level and progress',
  responses: { 200: { description: 'My monster', schema: monsterResponseSchema, name: 'MonsterResponse' } },
  errors: [],
});

export const updateMyMonsterRoute = defineRoute({
  id: 'UpdateMyMonster',
  method: 'PUT',
  path: '/v1/me/monster',
  entry: 'functions/http/me/update-my-monster.ts',
  auth: 'jwt',
  table: 'read-write',
  // a change the scene shows draws it again
  scenes: 'start',
  summary: 'Rename or dress my monster with unlocked items; a new look starts a new scene',
  request: { body: { name: 'MonsterRequest', schema: monsterBodySchema } },
  responses: {
    200: {
      description: 'My monster as stored, with needs_scene_regeneration',
      schema: monsterResponseSchema,
      name: 'MonsterResponse',
    },
  },
  errors: [409, 429],
});
