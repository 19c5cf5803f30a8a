import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractFor } from '../../../events/catalog';
import { toEnvelope } from '../../../events/envelope';
import { NotFoundError } from '../../../shared/domain/errors';
import { buyItem } from '../../../shared/domain/shop/purchase';
import { defaultRules } from '../../../shared/rules/load';
import { expectApplied, expectRefused, NOW, profile } from '../fixtures';
import { earned, expectContracts, shopRules } from './helpers';

const rules = shopRules();
const none = new Set<string>();

describe('buyItem: refusals write nothing', () => {
  it('throws not found for an unknown code, the streak freeze and Object.prototype names', () => {
    for (const code of ['nope', 'streak_freeze', 'constructor']) {
      expect(() => buyItem(rules, profile({ coins: 1000 }), none, code, 'e-1', NOW)).toThrow(NotFoundError);
    }
    expect(() => buyItem(rules, profile(), none, 'nope', 'e-1', NOW)).toThrow(
      expect.objectContaining({ code: 'shop_item_not_found' }),
    );
  });

  it('refuses an owned item, a free item and a price-0 item whose requirement is met', () => {
    const rich = profile({ coins: 1000, level: 3 });
    expectRefused(buyItem(rules, rich, new Set(['hat_top']), 'hat_top', 'e-1', NOW), 'already_owned');
    expectRefused(buyItem(rules, rich, none, 'color_orange', 'e-1', NOW), 'already_owned');
    expectRefused(buyItem(rules, rich, none, 'wings_level', 'e-1', NOW), 'already_owned');
  });

  it('refuses an unmet requirement saying what is needed, before looking at coins', () => {
    const refused = expectRefused(
      buyItem(rules, profile({ coins: 0, level: 4 }), none, 'cape_level', 'e-1', NOW),
      'requirement_unmet',
    );
    expect(refused.message).toBe('to unlock Level Cape, reach level 5');
    expect(
      expectRefused(
        buyItem(rules, profile({ coins: 1000 }), none, 'badge_lesson', 'e-1', NOW),
        'requirement_unmet',
      ).message,
    ).toMatch(/First Lesson/);
    expect(
      expectRefused(
        buyItem(rules, profile({ coins: 1000, vipTier: 'standard' }), none, 'crown_premium', 'e-1', NOW),
        'requirement_unmet',
      ).message,
    ).toMatch(/premium/);
    // A price-0 item is never bought: below its requirement it is refused the same way.
    expectRefused(
      buyItem(rules, profile({ level: 2 }), none, 'wings_level', 'e-1', NOW),
      'requirement_unmet',
    );
  });

  it('refuses a balance below the price', () => {
    const refused = buyItem(rules, profile({ coins: 119 }), none, 'hat_top', 'e-7', NOW);
    expect(refused).toEqual({
      status: 'refused',
      eventId: 'e-7',
      userId: 'user-1',
      reason: 'insufficient_coins',
      message: 'Top Hat costs 120 coins: the balance is 119',
    });
  });
});

describe('buyItem: a purchase', () => {
  it('spends the price through a purchase entry and owns the item', () => {
    const before = profile({ coins: 500, xp: 40 });
    const outcome = expectApplied(buyItem(rules, before, none, 'hat_top', 'e-9', NOW));
    expect(outcome.entry).toEqual({
      eventId: 'e-9',
      userId: 'user-1',
      kind: 'purchase',
      reason: 'Bought Top Hat',
      baseXp: 0,
      baseCoins: -120,
      multiplier: 1,
      xp: 0,
      coins: -120,
      balance: { xp: 40, coins: 380 },
      occurredAt: NOW.toISOString(),
      recordedAt: NOW.toISOString(),
    });
    expect(outcome.profile).toMatchObject({ coins: 380, xp: 40, version: before.version });
    expect(outcome.purchase).toEqual({ items: ['hat_top'] });
  });

  it('publishes points.awarded (kind purchase) and item.unlocked, both valid', () => {
    const outcome = expectApplied(buyItem(rules, profile({ coins: 500 }), none, 'pattern_spots', 'e-3', NOW));
    expect(outcome.events.map((e) => e.detailType)).toEqual(['points.awarded', 'item.unlocked']);
    expect(outcome.events[0]?.data).toMatchObject({ kind: 'purchase', coins: -90, xp: 0, total_coins: 410 });
    expect(outcome.events[1]?.data).toEqual({
      user_id: 'user-1',
      event_id: 'e-3',
      item_code: 'pattern_spots',
      item_type: 'pattern',
      name: 'Spots',
      price_coins: 90,
    });
    expectContracts(outcome);
  });

  it('spends the last coin when the balance equals the price', () => {
    const outcome = expectApplied(buyItem(rules, profile({ coins: 120 }), none, 'hat_top', 'e-1', NOW));
    expect(outcome.profile.coins).toBe(0);
  });

  it('sells a priced item once its requirement is met', () => {
    const learner = profile({ coins: 80, achievements: earned('first_lesson') });
    expect(expectApplied(buyItem(rules, learner, none, 'badge_lesson', 'e-1', NOW)).purchase).toEqual({
      items: ['badge_lesson'],
    });
    const premium = profile({ coins: 300, vipTier: 'premium' });
    expect(expectApplied(buyItem(rules, premium, none, 'crown_premium', 'e-2', NOW)).profile.coins).toBe(0);
  });

  it('emits exactly the item.unlocked sample for the sample purchase', () => {
    const sample = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../events/samples/item.unlocked.json'), 'utf8'),
    );
    const buyer = profile({ userId: 'user-123', coins: 75 });
    const outcome = expectApplied(buyItem(defaultRules(), buyer, none, 'tshirt_blue', 'shop-4b1d2e9f', NOW));
    const index = outcome.events.findIndex((e) => e.detailType === 'item.unlocked');
    const event = outcome.events[index];
    if (!event) throw new Error('no item.unlocked event');
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
