import type { Rules } from '../../rules/schema';
import { STREAK_FREEZE_CODE } from '../../rules/shop-references';
import type { ItemType, Requirement, ShopItemDefinition } from '../../rules/shop-schema';
import { walletAt } from '../streaks/wallet';
import type { Profile } from '../types';

/**
 * The shop's list view (GET /v1/shop/items) and the unlock rules the purchase
 * shares with it, so the list never offers what the purchase would refuse.
 */

/** What the store knows of one user's items: the codes they own and the codes their monster wears. */
export interface ShopState {
  owned: ReadonlySet<string>;
  equipped: ReadonlySet<string>;
}

export type ShopWhyNotCode = 'already_unlocked' | 'requirement_unmet' | 'insufficient_coins' | 'freezes_full';

export interface ShopItemView {
  code: string;
  type: ItemType | 'consumable';
  name: string;
  description: string;
  priceCoins: number;
  requirement: Requirement | { kind: 'coins' };
  order: number;
  isUnlocked: boolean;
  isEquipped: boolean;
  canUnlock: boolean;
  /** present exactly when canUnlock is false */
  whyNot?: { code: ShopWhyNotCode; message: string };
}

export interface ShopFilter {
  type?: ItemType | 'consumable';
  unlockedOnly?: boolean;
}

/** The streak freeze leads the list: the one item a user may buy again and again. */
export const STREAK_FREEZE_ORDER = 0;

/**
 * The catalog entry for a code, or undefined. Own properties only: codes such
 * as `constructor` match the code pattern and must not find Object.prototype.
 */
export function shopItem(rules: Rules, code: string): ShopItemDefinition | undefined {
  return Object.hasOwn(rules.shop.items, code) ? rules.shop.items[code] : undefined;
}

// `_rules` keeps the signature of every requirement check alike, though no kind reads the rules yet.
export function requirementMet(_rules: Rules, profile: Profile, requirement: Requirement): boolean {
  switch (requirement.kind) {
    case 'level':
      return profile.level >= requirement.min;
    case 'achievement':
      return Object.hasOwn(profile.achievements?.earned ?? {}, requirement.achievement);
    case 'premium':
      return profile.vipTier === 'premium';
    case 'free':
    case 'coins':
      return true;
  }
}

/** What a user must do to meet a requirement, for refusals and the list's `why_not`. */
export function requirementText(rules: Rules, requirement: Requirement): string {
  switch (requirement.kind) {
    case 'level':
      return `reach level ${requirement.min}`;
    case 'achievement': {
      const id = requirement.achievement;
      const name = Object.hasOwn(rules.achievements, id) ? rules.achievements[id]?.name : undefined;
      return `earn the achievement ${name ?? requirement.achievement}`;
    }
    case 'premium':
      return 'have a premium membership';
    case 'free':
    case 'coins':
      return 'nothing';
  }
}

/**
 * Owned, or never for sale: a free item is everyone's from the start, and an
 * item at price 0 is the user's as soon as its requirement is met (no purchase
 * record is ever written for either).
 */
export function isItemUnlocked(
  rules: Rules,
  profile: Profile,
  owned: ReadonlySet<string>,
  code: string,
): boolean {
  if (owned.has(code)) return true;
  const item = shopItem(rules, code);
  if (!item) return false;
  if (item.requirement.kind === 'free') return true;
  return item.price_coins === 0 && requirementMet(rules, profile, item.requirement);
}

function whyNotFor(
  rules: Rules,
  profile: Profile,
  item: ShopItemDefinition,
  isUnlocked: boolean,
): ShopItemView['whyNot'] {
  if (isUnlocked) return { code: 'already_unlocked', message: `${item.name} is already unlocked` };
  if (!requirementMet(rules, profile, item.requirement)) {
    return {
      code: 'requirement_unmet',
      message: `to unlock ${item.name}, ${requirementText(rules, item.requirement)}`,
    };
  }
  if (profile.coins < item.price_coins) {
    return {
      code: 'insufficient_coins',
      message: `${item.name} costs ${item.price_coins} coins: the balance is ${profile.coins}`,
    };
  }
  return undefined;
}

function itemView(rules: Rules, profile: Profile, state: ShopState, code: string, item: ShopItemDefinition) {
  const isUnlocked = isItemUnlocked(rules, profile, state.owned, code);
  const whyNot = whyNotFor(rules, profile, item, isUnlocked);
  const view: ShopItemView = {
    code,
    type: item.type,
    name: item.name,
    description: item.description,
    priceCoins: item.price_coins,
    requirement: item.requirement,
    order: item.order,
    isUnlocked,
    isEquipped: state.equipped.has(code),
    canUnlock: whyNot === undefined,
  };
  return whyNot ? { ...view, whyNot } : view;
}

/** The streak freeze as a list entry, or null when the rules do not sell freezes. */
function freezeView(rules: Rules, profile: Profile, now: Date): ShopItemView | null {
  const freezes = rules.streaks?.freezes;
  if (!freezes || freezes.price_coins === 0) return null;
  const price = freezes.price_coins;
  const held = walletAt(rules, profile, now).held;
  let whyNot: ShopItemView['whyNot'];
  if (held >= freezes.max) {
    whyNot = { code: 'freezes_full', message: `a user holds at most ${freezes.max} streak freezes` };
  } else if (profile.coins < price) {
    whyNot = {
      code: 'insufficient_coins',
      message: `a streak freeze costs ${price} coins: the balance is ${profile.coins}`,
    };
  }
  const view: ShopItemView = {
    code: STREAK_FREEZE_CODE,
    type: 'consumable',
    name: 'Streak Freeze',
    description: `Covers one missed day of a streak; you hold ${held} of at most ${freezes.max}`,
    priceCoins: price,
    requirement: { kind: 'coins' },
    order: STREAK_FREEZE_ORDER,
    isUnlocked: false,
    isEquipped: false,
    canUnlock: whyNot === undefined,
  };
  return whyNot ? { ...view, whyNot } : view;
}

/** GET /v1/shop/items: the catalog for one user, sorted by order then code. */
export function viewShopItems(
  rules: Rules,
  profile: Profile,
  state: ShopState,
  filter: ShopFilter,
  now: Date,
): ShopItemView[] {
  const views = Object.entries(rules.shop.items).map(([code, item]) =>
    itemView(rules, profile, state, code, item),
  );
  const freeze = freezeView(rules, profile, now);
  if (freeze) views.push(freeze);
  return views
    .filter(
      (v) => (filter.type === undefined || v.type === filter.type) && (!filter.unlockedOnly || v.isUnlocked),
    )
    .sort((a, b) => a.order - b.order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
