import { ConflictError, NotFoundError } from '../domain/errors';
import { newProfile } from '../domain/profile';
import { buyFreeze, FREEZE_PURCHASE_REASON } from '../domain/streaks/freezes';
import { type StreaksView, streakView } from '../domain/streaks/view';
import type { RateLimiter } from '../ports/shop';
import type { Rules } from '../rules/schema';
import { makeApplyOnce } from './apply-once';
import type { AppDeps } from './deps';

export interface FreezeBought {
  duplicate: boolean;
  eventId: string;
  coinsSpent: number;
  /** the balance and the streaks as they stand after the purchase (or its replay) */
  coins: number;
  view: StreaksView;
}

/** The pool of freezes is shared, but one is bought from a type it can protect. */
export function assertFreezable(rules: Rules, type: string): void {
  const types = rules.streaks?.types ?? {};
  const rule = Object.hasOwn(types, type) ? types[type] : undefined;
  if (!rule) throw new NotFoundError('streak_type', type);
  if (!rule.freezable) throw new ConflictError('streak_not_freezable', `${type} streaks cannot be frozen`);
}

type BuyFreeze = (request: { userId: string; type?: string; eventId: string }) => Promise<FreezeBought>;

/**
 * POST /v1/me/streaks/{type}/freeze with `{ "buy": true, "event_id" }`: a
 * purchase like any in the shop, so counted against the same per-user rate
 * limit (429 beyond it, nothing written) before it is bought.
 */
export function makeBuyStreakFreeze(deps: AppDeps & { rateLimiter: RateLimiter }): BuyFreeze {
  const buy = makeFreezePurchase(deps);
  return async (request) => {
    await deps.rateLimiter.hit(request.userId, 'shop', deps.rules.shop.rate_limits.shop_per_minute);
    return buy(request);
  };
}

/**
 * One freeze into the wallet for freezes.price_coins (the streak route, or
 * the shop's `streak_freeze` item with no type, which counts the rate limit
 * itself), through the ledger like any change of coins, applied once per
 * event id (a replay answers duplicate). Refused (insufficient_coins) or a
 * conflict (freezes_full) writes nothing.
 */
export function makeFreezePurchase(deps: AppDeps): BuyFreeze {
  const applyOnce = makeApplyOnce(deps);
  return async ({ userId, type, eventId }) => {
    // The wallet is shared by every type; the streak route names one it must be able to protect.
    if (type !== undefined) assertFreezable(deps.rules, type);
    const result = await applyOnce({
      userId,
      eventId,
      decide: (profile, now) => buyFreeze(deps.rules, profile, eventId, now),
      sameRequest: ({ entry }) => entry.kind === 'purchase' && entry.reason === FREEZE_PURCHASE_REASON,
    });
    if (!result.duplicate) deps.metrics?.count('Purchases');
    // A replay's stored outcome is history: the answer shows the wallet as it is now.
    const now = deps.clock.now();
    const current = (await deps.store.getProfile(userId)) ?? newProfile(userId, now);
    return {
      duplicate: result.duplicate,
      eventId: result.outcome.eventId,
      coinsSpent: -result.outcome.entry.coins,
      coins: current.coins,
      view: streakView(deps.rules, current, now),
    };
  };
}
