import type { Context } from 'aws-lambda';
import { expect, vi } from 'vitest';
import type { HttpEvent } from '../../../shared/http/types';
import { createTestStore, type TestStore, useTableEnv } from '../../support/dynamodb';
import { scanAll } from '../../support/game-fixtures';
import { type Auth, httpEvent, invoke } from './events';
import { adjustmentEvent, uniqueId } from './requests';
import { startSceneWorkflow } from './scene-workflow';

type Handler = (event: HttpEvent, context: Context) => Promise<unknown>;

const names = [
  'listShopItems',
  'buyShopItem',
  'listRewards',
  'redeemReward',
  'getMyRedemptions',
  'getMyMonster',
  'updateMyMonster',
  'adjustUserBalance',
] as const;

export type ShopApi = Record<(typeof names)[number], Handler> & {
  table: TestStore;
  /** the scene workflow a monster change starts: stop it after the tests */
  scenes: Awaited<ReturnType<typeof startSceneWorkflow>>;
};

/** A fresh table and the real shop handlers (default rules: the shipped shop), imported as on a cold start. */
export async function loadShopApi(): Promise<ShopApi> {
  const table = await createTestStore();
  useTableEnv(table);
  const scenes = await startSceneWorkflow();
  vi.resetModules();
  const modules = await Promise.all([
    import('../../../functions/http/shop/list-shop-items'),
    import('../../../functions/http/shop/buy-shop-item'),
    import('../../../functions/http/rewards/list-rewards'),
    import('../../../functions/http/rewards/redeem-reward'),
    import('../../../functions/http/me/get-my-redemptions'),
    import('../../../functions/http/me/get-my-monster'),
    import('../../../functions/http/me/update-my-monster'),
    import('../../../functions/http/internal/adjust-user-balance'),
  ]);
  const api = Object.fromEntries(names.map((name, i) => [name, modules[i]?.handler as Handler]));
  return { ...(api as Record<(typeof names)[number], Handler>), table, scenes };
}

export const shopItemsEvent = (auth: Auth, query?: Record<string, string>) =>
  httpEvent({ method: 'GET', route: '/v1/shop/items', auth, ...(query && { query }) });

export const buyEvent = (auth: Auth, code: string, key?: string) =>
  httpEvent({
    method: 'POST',
    route: '/v1/shop/items/{code}/unlock',
    pathParameters: { code },
    auth,
    ...(key !== undefined && { headers: { 'idempotency-key': key } }),
  });

export const rewardsEvent = (auth: Auth) => httpEvent({ method: 'GET', route: '/v1/rewards', auth });

export const redeemEvent = (auth: Auth, id: string, key?: string) =>
  httpEvent({
    method: 'POST',
    route: '/v1/rewards/{id}/redeem',
    pathParameters: { id },
    auth,
    ...(key !== undefined && { headers: { 'idempotency-key': key } }),
  });

export const redemptionsEvent = (auth: Auth, query?: Record<string, string>) =>
  httpEvent({ method: 'GET', route: '/v1/me/redemptions', auth, ...(query && { query }) });

export const monsterEvent = (auth: Auth) => httpEvent({ method: 'GET', route: '/v1/me/monster', auth });

export const putMonsterEvent = (auth: Auth, body: unknown) =>
  httpEvent({ method: 'PUT', route: '/v1/me/monster', auth, body });

/** A new user holding `coins`, granted through the adjustment route. */
export async function userWithCoins(api: ShopApi, coins: number, prefix = 'shopper'): Promise<string> {
  const userId = uniqueId(prefix);
  const body = { event_id: uniqueId('grant'), direction: 'grant', coins, reason: 'test grant' };
  expect((await invoke(api.adjustUserBalance, adjustmentEvent(userId, body))).statusCode).toBe(201);
  return userId;
}

/**
 * The kinds of the user's items (`ITEM#`, `PROFILE`, ...), to prove a refused
 * request wrote nothing. The rate-limit window (RATE#) is left out: it counts
 * every request, refused or not.
 */
export async function itemKindsOf(api: ShopApi, userId: string): Promise<string[]> {
  const items = await scanAll(api.table.doc, api.table.tableName);
  return items
    .filter((i) => i.pk === `USER#${userId}` && !String(i.sk).startsWith('RATE#'))
    .map((i) => String(i.sk).replace(/#.*/, '#'));
}
