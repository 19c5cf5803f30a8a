import { describe, expect, it } from 'vitest';
import { DynamoMonsterStore } from '../../shared/adapters/dynamo/monster-store';
import { DynamoRateLimiter } from '../../shared/adapters/dynamo/rate-limiter';
import { DynamoShopStore } from '../../shared/adapters/dynamo/shop-store';
import { makeAdjustBalance } from '../../shared/app/adjust-balance';
import { makeBuyShopItem } from '../../shared/app/buy-shop-item';
import { makeRedeemReward } from '../../shared/app/redeem-reward';
import type { ShopDeps } from '../../shared/app/shop-deps';
import { RuleRefusedError } from '../../shared/domain/errors';
import type { Rules } from '../../shared/rules/schema';
import { createTestStore, type TestStore } from '../support/dynamodb';
import {
  adjustmentFor,
  flatRules,
  rulesWith,
  scanAll,
  steppingClock,
  uniqueId,
} from '../support/game-fixtures';
import { untilNotContended, wholeLedger } from '../support/use-case-helpers';

const PRICE = 40;

/** 50 hats at PRICE each, a reward with stock 5, and limits high enough not to get in the way. */
const rules: Rules = rulesWith((doc) => {
  doc.multipliers.level_bonus.per_level = 0;
  const base = structuredClone(flatRules.shop);
  const items = { ...base.items } as Record<string, unknown>;
  for (let i = 0; i < 50; i++) {
    items[`hat_${i}`] = {
      type: 'accessory',
      name: `Hat ${i}`,
      description: 'A test hat',
      price_coins: PRICE,
      requirement: { kind: 'coins' },
      order: 1000 + i,
    };
  }
  doc.shop = {
    ...base,
    items,
    rewards: {
      ...base.rewards,
      golden_ticket: {
        name: 'Golden Ticket',
        description: 'Only five exist',
        type: 'physical',
        cost_coins: 10,
        stock: 5,
        order: 1,
      },
    },
    rate_limits: { customization_per_minute: 10_000, shop_per_minute: 10_000 },
  } as never;
});

/** One "Lambda instance": its own use cases (and its own per-user queue) over the shared table. */
function instance(t: TestStore): ShopDeps {
  return {
    store: t.store,
    rules,
    clock: steppingClock(),
    shop: new DynamoShopStore({ client: t.client, tableName: t.tableName }),
    monsters: new DynamoMonsterStore({ client: t.client, tableName: t.tableName }),
    rateLimiter: new DynamoRateLimiter({ client: t.client, tableName: t.tableName }),
  };
}

/** Requests spread over the instances round-robin. */
function pick<T>(instances: readonly T[], i: number): T {
  const chosen = instances[i % instances.length];
  if (chosen === undefined) throw new Error('no instances');
  return chosen;
}

const refusal = (error: unknown) => (error instanceof RuleRefusedError ? error.code : Promise.reject(error));

describe('purchases under concurrency', () => {
  it('lets exactly 10 of 50 concurrent purchases through when the coins cover 10; coins end at 0', async () => {
    const t = await createTestStore();
    const userId = uniqueId('buyer');
    await makeAdjustBalance({ store: t.store, rules, clock: steppingClock() })(
      adjustmentFor(userId, 0, 10 * PRICE),
    );
    const buyers = Array.from({ length: 5 }, () => makeBuyShopItem(instance(t)));

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        untilNotContended(() => pick(buyers, i)({ userId, code: `hat_${i}`, eventId: uniqueId('buy') })).then(
          () => 'bought',
          refusal,
        ),
      ),
    );

    expect(results.filter((r) => r === 'bought')).toHaveLength(10);
    expect(results.filter((r) => r === 'insufficient_coins')).toHaveLength(40);
    const profile = await t.store.getProfile(userId);
    expect(profile?.coins).toBe(0);
    const ledger = await wholeLedger(t.store, userId);
    const purchases = ledger.filter((e) => e.kind === 'purchase');
    expect(purchases).toHaveLength(10);
    expect(ledger.reduce((sum, e) => sum + e.coins, 0)).toBe(0);
    const owned = await new DynamoShopStore({ client: t.client, tableName: t.tableName }).listOwnedItems(
      userId,
    );
    expect(owned.size).toBe(10);
    expect(new Set(purchases.map((e) => e.reason.replace('Bought Hat ', 'hat_')))).toEqual(owned);
  });

  it('sells one item once when the same user buys it from 10 instances at once', async () => {
    const t = await createTestStore();
    const userId = uniqueId('twice');
    await makeAdjustBalance({ store: t.store, rules, clock: steppingClock() })(
      adjustmentFor(userId, 0, 1000),
    );
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        untilNotContended(() =>
          makeBuyShopItem(instance(t))({ userId, code: 'hat_7', eventId: uniqueId('b') }),
        ).then(() => 'bought', refusal),
      ),
    );
    expect(results.filter((r) => r === 'bought')).toHaveLength(1);
    expect(results.filter((r) => r === 'already_owned')).toHaveLength(9);
    expect((await t.store.getProfile(userId))?.coins).toBe(1000 - PRICE);
  });
});

describe('redemptions under concurrency', () => {
  it('lets exactly 5 of 20 users redeem a reward with stock 5; the rest are out_of_stock and keep their coins', async () => {
    const t = await createTestStore();
    const users = Array.from({ length: 20 }, () => uniqueId('fan'));
    const grant = makeAdjustBalance({ store: t.store, rules, clock: steppingClock() });
    for (const userId of users) await grant(adjustmentFor(userId, 0, 10));
    const redeemers = Array.from({ length: 4 }, () => makeRedeemReward(instance(t)));

    const results = await Promise.all(
      users.map((userId, i) =>
        untilNotContended(() =>
          pick(
            redeemers,
            i,
          )({
            userId,
            rewardId: 'golden_ticket',
            eventId: uniqueId('r'),
          }),
        ).then(() => 'redeemed', refusal),
      ),
    );

    expect(results.filter((r) => r === 'redeemed')).toHaveLength(5);
    expect(results.filter((r) => r === 'out_of_stock')).toHaveLength(15);
    const coins = await Promise.all(users.map(async (u) => (await t.store.getProfile(u))?.coins));
    expect(coins.filter((c) => c === 0)).toHaveLength(5);
    expect(coins.filter((c) => c === 10)).toHaveLength(15);
    const items = await scanAll(t.doc, t.tableName);
    expect(items.filter((item) => String(item.sk).startsWith('REDEEM#'))).toHaveLength(5);
    expect(items.find((item) => item.pk === 'REWARD#golden_ticket')?.redeemed).toBe(5);
  });
});
