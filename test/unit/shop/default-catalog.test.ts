import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../shared/rules/load';
import { itemTypes } from '../../../shared/rules/shop-schema';

const shop = defaultRules().shop;
const items = Object.entries(shop.items);

describe('the default starter catalog', () => {
  it('ships at least 30 items across all five types', () => {
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(new Set(items.map(([, item]) => item.type))).toEqual(new Set(itemTypes));
  });

  it('has the items the product names', () => {
    expect(shop.items.glasses_scholar).toMatchObject({
      name: 'Scholar Glasses',
      type: 'accessory',
      requirement: { kind: 'achievement' },
    });
    expect(shop.items.dress_red).toMatchObject({ name: 'Red Dress', type: 'clothing' });
    expect(shop.items.tshirt_blue?.type).toBe('clothing');
    for (const feature of ['claws', 'wings', 'horns'])
      expect(shop.items[feature]?.type, feature).toBe('feature');
    const codes = items.map(([code]) => code);
    expect(codes.filter((c) => c.startsWith('hat_')).length).toBeGreaterThanOrEqual(2);
    expect(codes.filter((c) => c.startsWith('tshirt_')).length).toBeGreaterThanOrEqual(2);
    expect(codes).toEqual(expect.arrayContaining(['pattern_stripes', 'pattern_spots']));
  });

  it('starts every monster in free orange, among at least five more colors of mixed requirements', () => {
    expect(shop.monster).toEqual({
      default_name: 'Monster',
      default_color: 'color_orange',
      max_accessories: 5,
    });
    expect(shop.items.color_orange).toMatchObject({
      type: 'color',
      price_coins: 0,
      requirement: { kind: 'free' },
    });
    const others = items.filter(([code, item]) => item.type === 'color' && code !== 'color_orange');
    expect(others.length).toBeGreaterThanOrEqual(5);
    expect(new Set(others.map(([, item]) => item.requirement.kind))).toEqual(
      new Set(['coins', 'level', 'achievement', 'premium']),
    );
  });

  it('mixes every requirement kind, with sensible prices and distinct display orders', () => {
    expect(new Set(items.map(([, item]) => item.requirement.kind))).toEqual(
      new Set(['free', 'coins', 'level', 'achievement', 'premium']),
    );
    for (const [code, item] of items) {
      if (item.price_coins > 0) {
        expect(item.price_coins, code).toBeGreaterThanOrEqual(50);
        expect(item.price_coins, code).toBeLessThanOrEqual(1000);
      }
    }
    expect(new Set(items.map(([, item]) => item.order)).size).toBe(items.length);
  });

  it('requires only achievements of the default achievement catalog', () => {
    for (const [code, item] of items) {
      if (item.requirement.kind === 'achievement') {
        expect(Object.keys(defaultRules().achievements), code).toContain(item.requirement.achievement);
      }
    }
  });

  it('has at least six rewards of every type, some with limited stock and some with a per-user limit', () => {
    const rewards = Object.values(shop.rewards);
    expect(rewards.length).toBeGreaterThanOrEqual(6);
    expect(new Set(rewards.map((r) => r.type))).toEqual(new Set(['digital', 'physical', 'perk']));
    expect(rewards.some((r) => r.stock !== undefined)).toBe(true);
    expect(rewards.some((r) => r.stock === undefined)).toBe(true);
    expect(rewards.some((r) => r.per_user_limit !== undefined)).toBe(true);
  });

  it('limits customization to 10 and the shop to 20 requests a minute', () => {
    expect(shop.rate_limits).toEqual({ customization_per_minute: 10, shop_per_minute: 20 });
  });
});
