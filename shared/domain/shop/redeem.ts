import type * as z from 'zod';
import type * as rewardRedeemedV1 from '../../../events/reward-redeemed.v1';
import type { Rules } from '../../rules/schema';
import type { RewardDefinition } from '../../rules/shop-schema';
import { NotFoundError } from '../errors';
import { refuse } from '../refusal';
import { spendCoins } from '../spend';
import type { Outcome, Profile, RewardRedemption } from '../types';

const REWARD_REDEEMED: (typeof rewardRedeemedV1)['detailType'] = 'reward.redeemed';

/** The reward for an id, or undefined. Own properties only, like the item lookup. */
export function rewardDefinition(rules: Rules, rewardId: string): RewardDefinition | undefined {
  return Object.hasOwn(rules.shop.rewards, rewardId) ? rules.shop.rewards[rewardId] : undefined;
}

/**
 * POST /v1/rewards/{id}/redeem: coins for a reward, through the ledger.
 * `redeemedByUser` is the user's count of earlier redemptions of this reward,
 * as read by the caller; the store re-checks it, and the stock, with
 * conditions in the same transaction, so a race between two requests cannot
 * pass a limit this check saw as open.
 */
export function redeemReward(
  rules: Rules,
  profile: Profile,
  redeemedByUser: number,
  rewardId: string,
  eventId: string,
  now: Date,
): Outcome {
  const reward = rewardDefinition(rules, rewardId);
  if (!reward) throw new NotFoundError('reward', rewardId);
  const subject = { eventId, userId: profile.userId };
  const limit = reward.per_user_limit;
  if (limit !== undefined && redeemedByUser >= limit) {
    return refuse(
      subject,
      'per_user_limit_reached',
      `${reward.name} can be redeemed at most ${limit} time${limit === 1 ? '' : 's'} per user`,
    );
  }
  const cost = reward.cost_coins;
  const outcome = spendCoins(
    rules,
    profile,
    { eventId, what: reward.name, price: cost, reason: `Redeemed ${reward.name}` },
    now,
  );
  if (outcome.status === 'refused') return outcome;
  const redemption: RewardRedemption = { rewardId, costCoins: cost };
  if (reward.stock !== undefined) redemption.stock = reward.stock;
  if (limit !== undefined) redemption.perUserLimit = limit;
  const redeemed: z.input<typeof rewardRedeemedV1.schema> = {
    user_id: profile.userId,
    event_id: eventId,
    reward_id: rewardId,
    name: reward.name,
    reward_type: reward.type,
    cost_coins: cost,
    redemption_id: eventId,
  };
  return {
    ...outcome,
    purchase: { items: [], redemption },
    events: [...outcome.events, { detailType: REWARD_REDEEMED, data: redeemed }],
  };
}
