import { expect } from 'vitest';
import { contractFor } from '../../../events/catalog';
import type { AppliedOutcome } from '../../../shared/domain/types';
import type { Rules, RulesInput } from '../../../shared/rules/schema';
import { rulesWith } from '../fixtures';

/** Arrange helpers for the shop tests (not a test file itself). */

type Shop = NonNullable<RulesInput['shop']>;
type ItemInput = Shop['items'][string];

const item = (
  type: ItemInput['type'],
  name: string,
  price: number,
  requirement: ItemInput['requirement'],
  order: number,
): ItemInput => ({
  type,
  name,
  description: `${name} for the tests`,
  price_coins: price,
  requirement,
  order,
});

/**
 * A small catalog with one item per case the shop distinguishes, so the tests
 * read their own prices rather than the shipped catalog's.
 */
export const testShop: Shop = {
  items: {
    color_orange: item('color', 'Orange', 0, { kind: 'free' }, 10),
    color_blue: item('color', 'Blue', 100, { kind: 'coins' }, 20),
    hat_top: item('accessory', 'Top Hat', 120, { kind: 'coins' }, 30),
    cape_level: item('clothing', 'Level Cape', 200, { kind: 'level', min: 5 }, 40),
    wings_level: item('feature', 'Level Wings', 0, { kind: 'level', min: 3 }, 50),
    glasses_lesson: item(
      'accessory',
      'Lesson Glasses',
      0,
      { kind: 'achievement', achievement: 'first_lesson' },
      60,
    ),
    badge_lesson: item(
      'accessory',
      'Lesson Badge',
      80,
      { kind: 'achievement', achievement: 'first_lesson' },
      60,
    ),
    crown_premium: item('accessory', 'Premium Crown', 300, { kind: 'premium' }, 70),
    pattern_spots: item('pattern', 'Spots', 90, { kind: 'coins' }, 80),
  },
  rewards: {
    sticker: { name: 'Sticker', description: 'A sticker', type: 'digital', cost_coins: 100, order: 10 },
    plush: {
      name: 'Plush',
      description: 'A plush',
      type: 'physical',
      cost_coins: 500,
      stock: 3,
      per_user_limit: 1,
      order: 20,
    },
    lesson: {
      name: 'Bonus Lesson',
      description: 'A lesson',
      type: 'perk',
      cost_coins: 200,
      per_user_limit: 2,
      order: 30,
    },
  },
  monster: { default_name: 'Monster', default_color: 'color_orange', max_accessories: 5 },
  rate_limits: { customization_per_minute: 10, shop_per_minute: 20 },
};

/** Default rules with the test shop (and any further edit), parsed by the real schema. */
export function shopRules(edit: (doc: RulesInput) => void = () => {}): Rules {
  return rulesWith((doc) => {
    doc.shop = structuredClone(testShop);
    edit(doc);
  });
}

/** Every emitted event validates against its contract. */
export function expectContracts(outcome: AppliedOutcome): void {
  for (const event of outcome.events) {
    expect(contractFor(event.detailType).schema.parse(event.data)).toEqual(event.data);
  }
}

/** What a user who earned the given achievements has on their profile. */
export function earned(...ids: string[]) {
  return {
    counts: {},
    subjects: {},
    matches: {},
    earned: Object.fromEntries(ids.map((id) => [id, [1, 1_763_000_000] as [number, number]])),
  };
}
