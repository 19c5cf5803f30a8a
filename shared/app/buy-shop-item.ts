import { NotFoundError } from '../domain/errors';
import { buyItem } from '../domain/shop/purchase';
import type { AppliedOutcome } from '../domain/types';
import { makeApplyOnce } from './apply-once';
import { makeFreezePurchase } from './buy-streak-freeze';
import type { ShopDeps } from './shop-deps';

/** The shop's one consumable: a streak freeze, sold at rules.streaks.freezes.price_coins. */
export { STREAK_FREEZE_CODE } from '../rules/shop-references';

import { STREAK_FREEZE_CODE } from '../rules/shop-references';

export interface ItemBought {
  duplicate: boolean;
  eventId: string;
  code: string;
  coinsSpent: number;
  /** the balance as it stands after the purchase (or its replay) */
  coins: number;
}

/**
 * POST /v1/shop/items/{code}/unlock: buys an item in one transaction (coins
 * down, ITEM#<code> created, ledger entry), applied once per event id. The
 * rules refuse (422) an item already owned, a requirement unmet, too few
 * coins; nothing is written then. Counted against the shop's rate limit.
 */
export function makeBuyShopItem(
  deps: ShopDeps,
): (request: { userId: string; code: string; eventId: string }) => Promise<ItemBought> {
  const applyOnce = makeApplyOnce(deps);
  const buyFreeze = makeFreezePurchase(deps);
  return async ({ userId, code, eventId }) => {
    await deps.rateLimiter.hit(userId, 'shop', deps.rules.shop.rate_limits.shop_per_minute);
    if (code === STREAK_FREEZE_CODE) {
      const bought = await buyFreeze({ userId, eventId });
      return {
        duplicate: bought.duplicate,
        eventId,
        code,
        coinsSpent: bought.coinsSpent,
        coins: bought.coins,
      };
    }
    const item = Object.hasOwn(deps.rules.shop.items, code) ? deps.rules.shop.items[code] : undefined;
    if (!item) throw new NotFoundError('shop_item', code);
    const result = await applyOnce({
      userId,
      eventId,
      load: () => deps.shop.loadPurchaseState(userId),
      decide: (profile, now, state) => buyItem(deps.rules, profile, state.owned, code, eventId, now),
      sameRequest: (existing: AppliedOutcome) =>
        existing.entry.kind === 'purchase' && existing.entry.reason === `Bought ${item.name}`,
    });
    if (!result.duplicate) deps.metrics?.count('Purchases');
    const coins = result.duplicate
      ? ((await deps.store.getProfile(userId))?.coins ?? 0)
      : result.outcome.profile.coins;
    return { duplicate: result.duplicate, eventId, code, coinsSpent: -result.outcome.entry.coins, coins };
  };
}
