import type { Rules } from '../rules/schema';
import { refuse } from './refusal';
import { settle } from './settle';
import type { Outcome, Profile } from './types';

/**
 * Coins spent on something (a shop item, a reward, a streak freeze): refused
 * when the balance is short, else a `purchase` ledger entry of -price, paid
 * like every change of coins (no multiplier, no XP). The caller adds what was
 * bought to the outcome.
 */
export function spendCoins(
  rules: Rules,
  profile: Profile,
  purchase: { eventId: string; what: string; price: number; reason: string },
  now: Date,
): Outcome {
  const { eventId, what, price, reason } = purchase;
  if (profile.coins < price) {
    return refuse(
      { eventId, userId: profile.userId },
      'insufficient_coins',
      `${what} costs ${price} coins: the balance is ${profile.coins}`,
    );
  }
  return settle(
    rules,
    profile,
    {
      eventId,
      entry: {
        kind: 'purchase',
        reason,
        baseXp: 0,
        baseCoins: -price,
        multiplier: 1,
        xp: 0,
        coins: -price,
        occurredAt: now.toISOString(),
      },
    },
    now,
  );
}
