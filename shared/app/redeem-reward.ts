import { NotFoundError, RuleRefusedError } from '../domain/errors';
import { redeemReward } from '../domain/shop/redeem';
import { OutOfStockError } from '../ports/shop';
import { makeApplyOnce } from './apply-once';
import type { ShopDeps } from './shop-deps';

export interface RewardRedeemed {
  duplicate: boolean;
  /** the redemption's id: its event id (the idempotency key) */
  redemptionId: string;
  rewardId: string;
  coinsSpent: number;
  coins: number;
}

/**
 * POST /v1/rewards/{id}/redeem: coins down, the user's count and the stock
 * counter up (each conditional), a redemption record and the ledger entry,
 * in one transaction, once per idempotency key. Sold out is a 422
 * out_of_stock; the per-user limit and the coins are the rules' refusals.
 */
export function makeRedeemReward(
  deps: ShopDeps,
): (request: { userId: string; rewardId: string; eventId: string }) => Promise<RewardRedeemed> {
  const applyOnce = makeApplyOnce(deps);
  return async ({ userId, rewardId, eventId }) => {
    await deps.rateLimiter.hit(userId, 'shop', deps.rules.shop.rate_limits.shop_per_minute);
    const reward = Object.hasOwn(deps.rules.shop.rewards, rewardId)
      ? deps.rules.shop.rewards[rewardId]
      : undefined;
    if (!reward) throw new NotFoundError('reward', rewardId);
    try {
      const result = await applyOnce({
        userId,
        eventId,
        load: () => deps.shop.loadPurchaseState(userId, rewardId),
        decide: (profile, now, state) =>
          redeemReward(deps.rules, profile, state.redeemedCount, rewardId, eventId, now),
        sameRequest: (existing) =>
          existing.entry.kind === 'purchase' && existing.entry.reason === `Redeemed ${reward.name}`,
      });
      if (!result.duplicate) deps.metrics?.count('Redemptions');
      const coins = result.duplicate
        ? ((await deps.store.getProfile(userId))?.coins ?? 0)
        : result.outcome.profile.coins;
      return {
        duplicate: result.duplicate,
        redemptionId: eventId,
        rewardId,
        coinsSpent: -result.outcome.entry.coins,
        coins,
      };
    } catch (error) {
      if (error instanceof OutOfStockError) {
        throw new RuleRefusedError('out_of_stock', `${reward.name} is out of stock`);
      }
      throw error;
    }
  };
}
