import { describe, expect, it } from 'vitest';
import {
  isItemUnlocked,
  requirementMet,
  type ShopItemView,
  type ShopState,
  viewShopItems,
} from '../../../shared/domain/shop/catalog';
import type { Profile } from '../../../shared/domain/types';
import { NOW, profile } from '../fixtures';
import { earned, shopRules } from './helpers';

const rules = shopRules();
const nothing: ShopState = { owned: new Set(), equipped: new Set() };

function viewOf(code: string, who: Profile, state: ShopState = nothing): ShopItemView {
  const view = viewShopItems(rules, who, state, {}, NOW).find((v) => v.code === code);
  if (!view) throw new Error(`no view for ${code}`);
  return view;
}

describe('requirementMet', () => {
  it('reads the level, the earned achievements and the VIP tier', () => {
    expect(requirementMet(rules, profile({ level: 4 }), { kind: 'level', min: 5 })).toBe(false);
    expect(requirementMet(rules, profile({ level: 5 }), { kind: 'level', min: 5 })).toBe(true);
    const achievement = { kind: 'achievement', achievement: 'first_lesson' } as const;
    expect(requirementMet(rules, profile(), achievement)).toBe(false);
    expect(requirementMet(rules, profile({ achievements: earned('first_flashcards') }), achievement)).toBe(
      false,
    );
    expect(requirementMet(rules, profile({ achievements: earned('first_lesson') }), achievement)).toBe(true);
    expect(requirementMet(rules, profile({ vipTier: 'standard' }), { kind: 'premium' })).toBe(false);
    expect(requirementMet(rules, profile({ vipTier: 'premium' }), { kind: 'premium' })).toBe(true);
    expect(requirementMet(rules, profile(), { kind: 'coins' })).toBe(true);
    expect(requirementMet(rules, profile(), { kind: 'free' })).toBe(true);
  });
});

describe('isItemUnlocked', () => {
  it('is true for owned and free items, and for price-0 items whose requirement is met', () => {
    const none = new Set<string>();
    expect(isItemUnlocked(rules, profile(), none, 'color_orange')).toBe(true);
    expect(isItemUnlocked(rules, profile(), none, 'hat_top')).toBe(false);
    expect(isItemUnlocked(rules, profile(), new Set(['hat_top']), 'hat_top')).toBe(true);
    expect(isItemUnlocked(rules, profile({ level: 2 }), none, 'wings_level')).toBe(false);
    expect(isItemUnlocked(rules, profile({ level: 3 }), none, 'wings_level')).toBe(true);
    // A priced item is bought even when its requirement is met.
    expect(isItemUnlocked(rules, profile({ level: 9, coins: 999 }), none, 'cape_level')).toBe(false);
  });

  it('is false for unknown codes, including names of Object.prototype', () => {
    expect(isItemUnlocked(rules, profile(), new Set(), 'nope')).toBe(false);
    expect(isItemUnlocked(rules, profile(), new Set(), 'constructor')).toBe(false);
  });
});

describe('viewShopItems: one item', () => {
  it('a free item is unlocked and cannot be unlocked again', () => {
    expect(viewOf('color_orange', profile())).toMatchObject({
      type: 'color',
      priceCoins: 0,
      requirement: { kind: 'free' },
      isUnlocked: true,
      canUnlock: false,
      whyNot: { code: 'already_unlocked' },
    });
  });

  it('a coins item can be unlocked with enough coins, and says why not without', () => {
    const affordable = viewOf('hat_top', profile({ coins: 120 }));
    expect(affordable).toMatchObject({ isUnlocked: false, canUnlock: true, priceCoins: 120 });
    expect(affordable).not.toHaveProperty('whyNot');
    expect(viewOf('hat_top', profile({ coins: 119 }))).toMatchObject({
      canUnlock: false,
      whyNot: { code: 'insufficient_coins', message: 'Top Hat costs 120 coins: the balance is 119' },
    });
  });

  it('an owned item is unlocked; an equipped one says so', () => {
    const state = { owned: new Set(['hat_top']), equipped: new Set(['hat_top']) };
    expect(viewOf('hat_top', profile({ coins: 500 }), state)).toMatchObject({
      isUnlocked: true,
      isEquipped: true,
      canUnlock: false,
      whyNot: { code: 'already_unlocked' },
    });
    expect(viewOf('color_blue', profile(), state).isEquipped).toBe(false);
  });

  it('a level item names the level below it and is buyable from it', () => {
    expect(viewOf('cape_level', profile({ level: 4, coins: 1000 })).whyNot).toEqual({
      code: 'requirement_unmet',
      message: 'to unlock Level Cape, reach level 5',
    });
    expect(viewOf('cape_level', profile({ level: 5, coins: 200 })).canUnlock).toBe(true);
  });

  it('a price-0 level item unlocks itself at the level', () => {
    expect(viewOf('wings_level', profile({ level: 2 }))).toMatchObject({
      isUnlocked: false,
      whyNot: { code: 'requirement_unmet', message: 'to unlock Level Wings, reach level 3' },
    });
    expect(viewOf('wings_level', profile({ level: 3 }))).toMatchObject({
      isUnlocked: true,
      whyNot: { code: 'already_unlocked' },
    });
  });

  it('an achievement item names the achievement until it is earned', () => {
    expect(viewOf('badge_lesson', profile({ coins: 500 })).whyNot).toEqual({
      code: 'requirement_unmet',
      message: 'to unlock Lesson Badge, earn the achievement First Lesson',
    });
    const learner = profile({ coins: 500, achievements: earned('first_lesson') });
    expect(viewOf('badge_lesson', learner)).toMatchObject({ isUnlocked: false, canUnlock: true });
    expect(viewOf('glasses_lesson', learner)).toMatchObject({ isUnlocked: true, canUnlock: false });
  });

  it('a premium item needs the premium tier, then coins', () => {
    expect(viewOf('crown_premium', profile({ vipTier: 'standard', coins: 1000 })).whyNot).toEqual({
      code: 'requirement_unmet',
      message: 'to unlock Premium Crown, have a premium membership',
    });
    expect(viewOf('crown_premium', profile({ vipTier: 'premium', coins: 299 })).whyNot?.code).toBe(
      'insufficient_coins',
    );
    expect(viewOf('crown_premium', profile({ vipTier: 'premium', coins: 300 })).canUnlock).toBe(true);
  });

  it('has whyNot exactly when canUnlock is false, for every item and every kind of user', () => {
    const users = [
      profile(),
      profile({ coins: 10_000, level: 9, vipTier: 'premium', achievements: earned('first_lesson') }),
      profile({ coins: 150, level: 3 }),
    ];
    for (const who of users) {
      for (const view of viewShopItems(rules, who, nothing, {}, NOW)) {
        expect(view.whyNot === undefined, view.code).toBe(view.canUnlock);
      }
    }
  });
});

describe('viewShopItems: the list', () => {
  it('lists every item and the streak freeze, by order then code', () => {
    const codes = viewShopItems(rules, profile(), nothing, {}, NOW).map((v) => v.code);
    expect(codes).toEqual([
      'streak_freeze',
      'color_orange',
      'color_blue',
      'hat_top',
      'cape_level',
      'wings_level',
      'badge_lesson',
      'glasses_lesson',
      'crown_premium',
      'pattern_spots',
    ]);
  });

  it('filters by type and by unlocked', () => {
    const who = profile({ level: 3 });
    const codes = (filter: Parameters<typeof viewShopItems>[3]) =>
      viewShopItems(rules, who, { owned: new Set(['hat_top']), equipped: new Set() }, filter, NOW).map(
        (v) => v.code,
      );
    expect(codes({ type: 'accessory' })).toEqual([
      'hat_top',
      'badge_lesson',
      'glasses_lesson',
      'crown_premium',
    ]);
    expect(codes({ unlockedOnly: true })).toEqual(['color_orange', 'hat_top', 'wings_level']);
    expect(codes({ type: 'accessory', unlockedOnly: true })).toEqual(['hat_top']);
    expect(codes({ type: 'consumable' })).toEqual(['streak_freeze']);
    expect(codes({ unlockedOnly: false })).toHaveLength(10);
  });
});

describe('viewShopItems: the streak freeze', () => {
  const freeze = (who: Profile, onRules = rules) =>
    viewShopItems(onRules, who, nothing, { type: 'consumable' }, NOW)[0];

  it('is a consumable at the rules price, never unlocked, buyable with coins and room in the wallet', () => {
    expect(freeze(profile({ coins: 200 }))).toMatchObject({
      code: 'streak_freeze',
      type: 'consumable',
      name: 'Streak Freeze',
      priceCoins: rules.streaks.freezes.price_coins,
      requirement: { kind: 'coins' },
      isUnlocked: false,
      isEquipped: false,
      canUnlock: true,
    });
    expect(freeze(profile({ coins: 199 }))?.whyNot?.code).toBe('insufficient_coins');
  });

  it('cannot be bought with a full wallet, whatever the balance', () => {
    const full = profile({ coins: 10_000, streakFreezes: { held: rules.streaks.freezes.max } });
    expect(freeze(full)?.whyNot).toEqual({
      code: 'freezes_full',
      message: `a user holds at most ${rules.streaks.freezes.max} streak freezes`,
    });
  });

  it('is left out when the rules give freezes no price', () => {
    const free = shopRules((doc) => {
      if (doc.streaks?.freezes) doc.streaks.freezes.price_coins = 0;
    });
    expect(freeze(profile({ coins: 500 }), free)).toBeUndefined();
    expect(viewShopItems(free, profile(), nothing, {}, NOW).map((v) => v.code)).not.toContain(
      'streak_freeze',
    );
  });
});
