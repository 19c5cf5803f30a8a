import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { invoke } from './support/events';
import { asUser, uniqueId } from './support/requests';
import {
  buyEvent,
  itemKindsOf,
  loadShopApi,
  redeemEvent,
  redemptionsEvent,
  rewardsEvent,
  type ShopApi,
  shopItemsEvent,
  userWithCoins as userWithCoinsIn,
} from './support/shop-api';

let api: ShopApi;

beforeAll(async () => {
  api = await loadShopApi();
});
afterAll(() => api.scenes.stop());

const userWithCoins = (coins: number) => userWithCoinsIn(api, coins, 'shopper');
const itemsOf = (userId: string) => itemKindsOf(api, userId);

describe('GET /v1/shop/items', () => {
  it('lists the catalog with price, requirement and what this user has, wears and can buy', async () => {
    const userId = await userWithCoins(100);
    const response = await invoke(api.listShopItems, shopItemsEvent(asUser(userId)));
    expect(response.statusCode).toBe(200);
    const byCode = new Map(response.body.items.map((i: { code: string }) => [i.code, i]));
    expect(byCode.get('color_orange')).toMatchObject({
      is_unlocked: true,
      is_equipped: true,
      can_unlock: false,
    });
    expect(byCode.get('hat_beanie')).toMatchObject({ price_coins: 80, is_unlocked: false, can_unlock: true });
    expect(byCode.get('hat_wizard')).toMatchObject({
      can_unlock: false,
      why_not: { code: 'insufficient_coins' },
    });
    expect(byCode.get('hat_crown')).toMatchObject({ why_not: { code: 'requirement_unmet' } });
    expect(byCode.get('streak_freeze')).toMatchObject({ type: 'consumable', price_coins: 200 });
  });

  it('filters by type and to unlocked items only', async () => {
    const userId = uniqueId('browser');
    const colors = await invoke(api.listShopItems, shopItemsEvent(asUser(userId), { type: 'color' }));
    expect(colors.body.items.every((i: { type: string }) => i.type === 'color')).toBe(true);
    const mine = await invoke(api.listShopItems, shopItemsEvent(asUser(userId), { unlocked_only: 'true' }));
    expect(mine.body.items.map((i: { code: string }) => i.code).sort()).toEqual([
      'color_orange',
      'pencil_ear',
    ]);
  });
});

describe('POST /v1/shop/items/{code}/unlock', () => {
  it('buys an item once per Idempotency-Key: coins down, ownership and a purchase in the ledger', async () => {
    const userId = await userWithCoins(100);
    const first = await invoke(api.buyShopItem, buyEvent(asUser(userId), 'hat_beanie', 'k-1'));
    expect(first.statusCode).toBe(201);
    expect(first.body).toEqual({
      duplicate: false,
      // the key, in the users' own namespace of event ids
      event_id: 'me:k-1',
      code: 'hat_beanie',
      coins_spent: 80,
      coins: 20,
    });
    const replay = await invoke(api.buyShopItem, buyEvent(asUser(userId), 'hat_beanie', 'k-1'));
    expect(replay.statusCode).toBe(200);
    expect(replay.body).toMatchObject({ duplicate: true, coins: 20 });
    expect(await itemsOf(userId)).toContain('ITEM#');
  });

  it.each([
    ['already owned', 'pencil_ear', 1000, 422, 'already_owned'],
    ['too few coins', 'hat_wizard', 100, 422, 'insufficient_coins'],
    ['a requirement unmet (premium)', 'hat_crown', 5000, 422, 'requirement_unmet'],
    ['a requirement unmet (achievement)', 'glasses_scholar', 5000, 422, 'requirement_unmet'],
    ['an unknown code', 'hat_unicorn', 1000, 404, 'shop_item_not_found'],
    ['a malformed code', 'Hat Beanie!', 1000, 400, 'validation_failed'],
  ])('refuses %s (%s) and writes nothing', async (_case, code, coins, status, errorCode) => {
    const userId = await userWithCoins(coins);
    const before = await itemsOf(userId);
    const response = await invoke(api.buyShopItem, buyEvent(asUser(userId), code, uniqueId('k')));
    expect(response.statusCode).toBe(status);
    expect(response.body.error.code).toBe(errorCode);
    expect(await itemsOf(userId)).toEqual(before);
  });

  it('refuses a malformed Idempotency-Key with 400 naming the header', async () => {
    const userId = await userWithCoins(100);
    const response = await invoke(api.buyShopItem, buyEvent(asUser(userId), 'hat_beanie', 'x'.repeat(300)));
    expect(response.statusCode).toBe(400);
    // one detail, giving the key's own limit (the stored id adds `me:` to it)
    expect(response.body.error.details).toEqual([
      { field: 'idempotency-key', message: '1-125 characters of letters, digits, _ . : -' },
    ]);
  });

  it('answers 429 with Retry-After past 20 shop requests a minute, counting refusals too', async () => {
    // The limit counts per clock minute: the 21 requests must all fall in one,
    // so the test holds the clock 10 s into the next minute (only Date is faked).
    const minute = 60_000;
    vi.useFakeTimers({ toFake: ['Date'], now: (Math.floor(Date.now() / minute) + 1) * minute + 10_000 });
    try {
      const userId = uniqueId('eager');
      const statuses = [];
      for (let i = 0; i < 21; i++) {
        statuses.push(
          (await invoke(api.buyShopItem, buyEvent(asUser(userId), 'hat_beanie', uniqueId('k')))).statusCode,
        );
      }
      expect(statuses.slice(0, 20).every((s) => s === 422)).toBe(true);
      const limited = await invoke(api.buyShopItem, buyEvent(asUser(userId), 'hat_beanie', uniqueId('k')));
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBe(50);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers 401 without a token', async () => {
    expect((await invoke(api.buyShopItem, buyEvent({ kind: 'none' }, 'hat_beanie'))).statusCode).toBe(401);
  });
});

describe('rewards and redemptions', () => {
  it('redeems a reward: 201, the record in /v1/me/redemptions, the count in /v1/rewards', async () => {
    const userId = await userWithCoins(200);
    const response = await invoke(api.redeemReward, redeemEvent(asUser(userId), 'wallpaper_monster', 'r-1'));
    expect(response.statusCode).toBe(201);
    expect(response.body).toMatchObject({ redemption_id: 'me:r-1', coins_spent: 100, coins: 100 });
    const mine = await invoke(api.getMyRedemptions, redemptionsEvent(asUser(userId)));
    expect(mine.body.redemptions).toEqual([
      expect.objectContaining({ id: 'me:r-1', reward_id: 'wallpaper_monster', status: 'pending' }),
    ]);
    const rewards = await invoke(api.listRewards, rewardsEvent(asUser(userId)));
    const wallpaper = rewards.body.rewards.find((r: { id: string }) => r.id === 'wallpaper_monster');
    expect(wallpaper).toMatchObject({ redeemed_by_me: 1, per_user_limit: 1, remaining: null });
    const plush = rewards.body.rewards.find((r: { id: string }) => r.id === 'plush_monster');
    expect(plush).toMatchObject({ stock: 100, remaining: 100 });
  });

  it.each([
    ['past the per-user limit', 'wallpaper_monster', 422, 'per_user_limit_reached'],
    ['with too few coins', 'plush_monster', 422, 'insufficient_coins'],
    ['an unknown reward', 'moon_trip', 404, 'reward_not_found'],
    ['a malformed id', '../etc', 400, 'validation_failed'],
  ])('refuses %s and writes nothing', async (_case, rewardId, status, errorCode) => {
    const userId = await userWithCoins(200);
    await invoke(api.redeemReward, redeemEvent(asUser(userId), 'wallpaper_monster', uniqueId('r')));
    const before = await itemsOf(userId);
    const response = await invoke(api.redeemReward, redeemEvent(asUser(userId), rewardId, uniqueId('r')));
    expect(response.statusCode).toBe(status);
    expect(response.body.error.code).toBe(errorCode);
    expect(await itemsOf(userId)).toEqual(before);
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '-1' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ page: '2' }, 'page'],
  ])('answers 400 for the redemptions query %j, naming %s', async (query, field) => {
    const response = await invoke(api.getMyRedemptions, redemptionsEvent(asUser('q-user'), query));
    expect(response.statusCode).toBe(400);
    expect(response.body.error.details[0].field).toBe(field);
  });

  it.each([
    ['a position too long for a key', `REDEEM#2026-12-04T10:00:00.000Z#${'x'.repeat(1_400)}`],
    ['a position that is no redemption', 'REDEEM#x'],
    ['a position in another item kind', 'TX#2026-12-04T10:00:00.000Z#evt-1'],
  ])('refuses a cursor with %s with 400, reading nothing', async (_, position) => {
    const cursor = Buffer.from(JSON.stringify({ u: 'me', s: position })).toString('base64url');
    const response = await invoke(api.getMyRedemptions, redemptionsEvent(asUser('me'), { cursor }));
    expect(response.statusCode).toBe(400);
    expect(response.body.error.details[0].field).toBe('cursor');
  });

  it('follows its own cursor to the next page', async () => {
    const userId = await userWithCoins(1_000);
    for (let i = 0; i < 3; i++) {
      const redeemed = await invoke(
        api.redeemReward,
        redeemEvent(asUser(userId), 'sticker_pack', uniqueId('r')),
      );
      expect(redeemed.statusCode).toBe(201);
    }
    const first = await invoke(api.getMyRedemptions, redemptionsEvent(asUser(userId), { limit: '2' }));
    const cursor = first.body.next_cursor as string;
    const second = await invoke(
      api.getMyRedemptions,
      redemptionsEvent(asUser(userId), { limit: '2', cursor }),
    );
    expect(second.statusCode).toBe(200);
    expect(first.body.redemptions).toHaveLength(2);
    expect(second.body.redemptions).toHaveLength(1);
  });

  it("refuses another user's cursor with 400", async () => {
    const cursor = Buffer.from(
      JSON.stringify({ u: 'someone-else', s: 'REDEEM#2026-12-04T10:00:00.000Z#evt-1' }),
    ).toString('base64url');
    const response = await invoke(api.getMyRedemptions, redemptionsEvent(asUser('me'), { cursor }));
    expect(response.statusCode).toBe(400);
    expect(response.body.error.details[0].field).toBe('cursor');
  });
});

describe('the OpenAPI document', () => {
  it('documents the Idempotency-Key header of a purchase and a redemption', async () => {
    const { buildOpenApiDocument } = await import('../../shared/http/openapi');
    const paths = buildOpenApiDocument().paths as Record<
      string,
      Record<string, { parameters?: { name: string; in: string }[] }>
    >;
    for (const path of ['/v1/shop/items/{code}/unlock', '/v1/rewards/{id}/redeem']) {
      expect(paths[path]?.post?.parameters).toContainEqual(
        expect.objectContaining({ name: 'idempotency-key', in: 'header', required: false }),
      );
    }
  });
});
