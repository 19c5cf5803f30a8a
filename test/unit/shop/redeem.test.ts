import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractFor } from '../../../events/catalog';
import { toEnvelope } from '../../../events/envelope';
import { NotFoundError } from '../../../shared/domain/errors';
import { redeemReward } from '../../../shared/domain/shop/redeem';
import { defaultRules } from '../../../shared/rules/load';
import { expectApplied, expectRefused, NOW, profile } from '../fixtures';
import { expectContracts, shopRules } from './helpers';

const rules = shopRules();

describe('redeemReward: refusals write nothing', () => {
  it('throws not found for an unknown id and for Object.prototype names', () => {
    for (const id of ['nope', 'constructor', 'streak_freeze']) {
      expect(() => redeemReward(rules, profile({ coins: 9999 }), 0, id, 'e-1', NOW)).toThrow(NotFoundError);
    }
    expect(() => redeemReward(rules, profile(), 0, 'nope', 'e-1', NOW)).toThrow(
      expect.objectContaining({ code: 'reward_not_found' }),
    );
  });

  it('refuses at the per-user limit, before looking at coins', () => {
    const refused = redeemReward(rules, profile({ coins: 0 }), 2, 'lesson', 'e-4', NOW);
    expect(refused).toEqual({
      status: 'refused',
      eventId: 'e-4',
      userId: 'user-1',
      reason: 'per_user_limit_reached',
      message: 'Bonus Lesson can be redeemed at most 2 times per user',
    });
    expect(
      expectRefused(
        redeemReward(rules, profile({ coins: 9999 }), 1, 'plush', 'e-1', NOW),
        'per_user_limit_reached',
      ).message,
    ).toBe('Plush can be redeemed at most 1 time per user');
  });

  it('refuses a balance below the cost', () => {
    const refused = expectRefused(
      redeemReward(rules, profile({ coins: 199 }), 1, 'lesson', 'e-1', NOW),
      'insufficient_coins',
    );
    expect(refused.message).toBe('Bonus Lesson costs 200 coins: the balance is 199');
  });
});

describe('redeemReward: a redemption', () => {
  it('spends the cost through a purchase entry and carries the redemption with its limits', () => {
    const outcome = expectApplied(
      redeemReward(rules, profile({ coins: 600, xp: 10 }), 0, 'plush', 'e-5', NOW),
    );
    expect(outcome.entry).toMatchObject({
      kind: 'purchase',
      reason: 'Redeemed Plush',
      baseXp: 0,
      baseCoins: -500,
      multiplier: 1,
      xp: 0,
      coins: -500,
      balance: { xp: 10, coins: 100 },
      occurredAt: NOW.toISOString(),
    });
    expect(outcome.profile.coins).toBe(100);
    expect(outcome.purchase).toStrictEqual({
      items: [],
      redemption: { rewardId: 'plush', costCoins: 500, stock: 3, perUserLimit: 1 },
    });
  });

  it('leaves the limits out for an unlimited reward, whatever the user redeemed before', () => {
    const outcome = expectApplied(redeemReward(rules, profile({ coins: 100 }), 500, 'sticker', 'e-1', NOW));
    expect(outcome.purchase).toStrictEqual({
      items: [],
      redemption: { rewardId: 'sticker', costCoins: 100 },
    });
    expect(outcome.profile.coins).toBe(0);
  });

  it('redeems below the limit', () => {
    expect(
      expectApplied(redeemReward(rules, profile({ coins: 200 }), 1, 'lesson', 'e-1', NOW)).purchase,
    ).toEqual({
      items: [],
      redemption: { rewardId: 'lesson', costCoins: 200, perUserLimit: 2 },
    });
  });

  it('publishes points.awarded (kind purchase) and reward.redeemed, both valid', () => {
    const outcome = expectApplied(redeemReward(rules, profile({ coins: 300 }), 0, 'lesson', 'e-8', NOW));
    expect(outcome.events.map((e) => e.detailType)).toEqual(['points.awarded', 'reward.redeemed']);
    expect(outcome.events[0]?.data).toMatchObject({ kind: 'purchase', coins: -200, total_coins: 100 });
    expect(outcome.events[1]?.data).toEqual({
      user_id: 'user-1',
      event_id: 'e-8',
      reward_id: 'lesson',
      name: 'Bonus Lesson',
      reward_type: 'perk',
      cost_coins: 200,
      redemption_id: 'e-8',
    });
    expectContracts(outcome);
  });

  it('emits exactly the reward.redeemed sample for the sample redemption', () => {
    const sample = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../events/samples/reward.redeemed.json'), 'utf8'),
    );
    const user = profile({ userId: 'user-123', coins: 3000 });
    const outcome = expectApplied(
      redeemReward(defaultRules(), user, 0, 'notebook_questline', 'redeem-8c2f61a0', NOW),
    );
    const index = outcome.events.findIndex((e) => e.detailType === 'reward.redeemed');
    const event = outcome.events[index];
    if (!event) throw new Error('no reward.redeemed event');
    expect(
      toEnvelope(event, {
        version: contractFor(event.detailType).version,
        correlationId: outcome.eventId,
        userId: outcome.userId,
        occurredAt: outcome.entry.recordedAt,
        index,
      }),
    ).toEqual(sample);
  });
});
