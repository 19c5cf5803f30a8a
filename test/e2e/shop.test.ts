import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  itemBoughtResponseSchema,
  monsterResponseSchema,
  redeemedResponseSchema,
  redemptionsResponseSchema,
  shopItemsResponseSchema,
} from '../../shared/http/shop-schemas';
import { cleanup, type RunningLocal, startLocal } from './support/local-process';

/**
 * Through `npm start`: coins granted, an item bought (once per
 * Idempotency-Key), worn by the monster, a reward redeemed, over real HTTP
 * against the real handlers and DynamoDB Local, with the shipped shop.
 */

let local: RunningLocal;
beforeAll(async () => {
  local = await startLocal(['--in-memory']);
}, 60_000);
afterAll(async () => {
  await cleanup();
});

const api = (path: string) => `${local.info.api_url}${path}`;
const userId = 'shop-e2e-user';
let token = '';
const asUser = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });

describe('spending coins through the local runtime', () => {
  it('grants coins to a user with a token', async () => {
    const minted = await fetch(api('/dev/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: userId }),
    });
    token = ((await minted.json()) as { token: string }).token;
    const granted = await fetch(api(`/v1/internal/users/${userId}/adjustments`), {
      method: 'POST',
      headers: { authorization: `Bearer ${local.info.internal_key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ event_id: 'e2e-grant', direction: 'grant', coins: 500, reason: 'e2e' }),
    });
    expect(granted.status).toBe(201);
  });

  it('lists the shop and buys a hat once per Idempotency-Key', async () => {
    const shop = shopItemsResponseSchema.parse(
      await (await fetch(api('/v1/shop/items?type=accessory'), { headers: asUser() })).json(),
    );
    expect(shop.items.find((i) => i.code === 'hat_beanie')).toMatchObject({
      can_unlock: true,
      price_coins: 80,
    });
    const buy = () =>
      fetch(api('/v1/shop/items/hat_beanie/unlock'), {
        method: 'POST',
        headers: asUser({ 'idempotency-key': 'e2e-hat' }),
      });
    const first = await buy();
    expect(first.status).toBe(201);
    expect(itemBoughtResponseSchema.parse(await first.json())).toMatchObject({ coins_spent: 80, coins: 420 });
    const again = await buy();
    expect(again.status).toBe(200);
    expect(itemBoughtResponseSchema.parse(await again.json())).toMatchObject({ duplicate: true, coins: 420 });
  });

  it('dresses the monster with the hat: needs_scene_regeneration', async () => {
    const response = await fetch(api('/v1/me/monster'), {
      method: 'PUT',
      headers: asUser({ 'content-type': 'application/json' }),
      body: JSON.stringify({ name: 'Blob', accessories: ['hat_beanie'], version: 0 }),
    });
    expect(response.status).toBe(200);
    expect(monsterResponseSchema.parse(await response.json())).toMatchObject({
      name: 'Blob',
      customizations: { accessories: ['hat_beanie'] },
      needs_scene_regeneration: true,
      version: 1,
    });
  });

  it('redeems a reward and lists the redemption', async () => {
    const response = await fetch(api('/v1/rewards/sticker_pack/redeem'), {
      method: 'POST',
      headers: asUser({ 'idempotency-key': 'e2e-stickers' }),
    });
    expect(response.status).toBe(201);
    expect(redeemedResponseSchema.parse(await response.json())).toMatchObject({
      coins_spent: 150,
      coins: 270,
    });
    const mine = redemptionsResponseSchema.parse(
      await (await fetch(api('/v1/me/redemptions'), { headers: asUser() })).json(),
    );
    expect(mine.redemptions.map((r) => r.reward_id)).toEqual(['sticker_pack']);
  });

  it('refuses what the coins cannot cover with 422 and the code', async () => {
    const response = await fetch(api('/v1/shop/items/wings/unlock'), { method: 'POST', headers: asUser() });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('requirement_unmet');
  });
});
