import type { Monster } from '../../../shared/domain/monster/monster';
import type { ShopItemDefinition } from '../../../shared/rules/shop-schema';
import { rulesWith } from '../fixtures';

/**
 * A small catalog of our own, so these tests do not move when the shipped
 * starter catalog is edited. Not a test file itself.
 */

type Type = ShopItemDefinition['type'];

let order = 0;
function item(type: Type, name: string): ShopItemDefinition {
  order += 10;
  return {
    type,
    name,
    description: `${name} for tests`,
    price_coins: 0,
    requirement: { kind: 'free' },
    order,
  };
}

export const items: Record<string, ShopItemDefinition> = {
  color_orange: item('color', 'Orange'),
  color_blue: item('color', 'Ocean Blue'),
  color_gold: item('color', 'Gold'),
  glasses_scholar: item('accessory', 'Scholar Glasses'),
  hat_wizard: item('accessory', 'Wizard Hat'),
  bow_tie: item('accessory', 'Bow Tie'),
  scarf_red: item('accessory', 'Red Scarf'),
  earrings: item('accessory', 'Star Earrings'),
  backpack: item('accessory', 'Backpack'),
  tshirt_green: item('clothing', 'Green T-Shirt'),
  dress_red: item('clothing', 'Red Dress'),
  claws: item('feature', 'Tiny Claws'),
  wings: item('feature', 'Bat Wings'),
  horns: item('feature', 'Curly Horns'),
  stripes: item('pattern', 'Zebra Stripes'),
  spots: item('pattern', 'Polka Spots'),
};

export const rules = rulesWith((doc) => {
  doc.shop = {
    items: structuredClone(items),
    rewards: {},
    monster: { default_name: 'Mochi', default_color: 'color_orange', max_accessories: 5 },
    rate_limits: { customization_per_minute: 10, shop_per_minute: 20 },
  };
});

/** Every item of the catalog: most tests are about validation, not ownership. */
export const allUnlocked: ReadonlySet<string> = new Set(Object.keys(items));

export function monster(overrides: Partial<Monster> = {}): Monster {
  return {
    name: 'Mochi',
    baseColor: 'color_orange',
    accessories: [],
    clothing: [],
    features: [],
    patterns: [],
    version: 4,
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}
