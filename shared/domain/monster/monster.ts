import type { Rules } from '../../rules/schema';
import type { ItemType, ShopItemDefinition } from '../../rules/shop-schema';

/**
 * A user's monster avatar: plain data, one per user. The lists hold shop item
 * codes in wearing order; the name is the user's free text and is therefore
 * shown back to the user only, never sent to the image generator.
 */
export interface Monster {
  name: string;
  /** a `color` item code */
  baseColor: string;
  accessories: string[];
  clothing: string[];
  features: string[];
  patterns: string[];
  /** 0 means "never stored"; the store bumps it on every write */
  version: number;
  /** null until the user first changes their monster */
  updatedAt: string | null;
}

/** The validated PUT body (snake_case, as on the wire); an absent field keeps its current value. */
export interface MonsterInput {
  name?: string;
  base_color?: string;
  accessories?: string[];
  clothing?: string[];
  features?: string[];
  patterns?: string[];
}

/** The monster's lists of item codes, each holding items of exactly one catalog type. */
export const monsterLists = ['accessories', 'clothing', 'features', 'patterns'] as const;
export type MonsterList = (typeof monsterLists)[number];

export const listItemType: Readonly<Record<MonsterList, ItemType>> = {
  accessories: 'accessory',
  clothing: 'clothing',
  features: 'feature',
  patterns: 'pattern',
};

/** What a user has before they customize anything (version 0 tells the store to create it). */
export function defaultMonster(rules: Rules): Monster {
  const defaults = rules.shop.monster;
  return {
    name: defaults.default_name,
    baseColor: defaults.default_color,
    accessories: [],
    clothing: [],
    features: [],
    patterns: [],
    version: 0,
    updatedAt: null,
  };
}

/**
 * The catalog entry for a code, or undefined. Own properties only: codes such
 * as `constructor` match the code pattern and must not find Object.prototype.
 */
export function catalogItem(rules: Rules, code: string): ShopItemDefinition | undefined {
  return Object.hasOwn(rules.shop.items, code) ? rules.shop.items[code] : undefined;
}

/**
 * Whether two monsters look different. The name never shows in a scene, and
 * each list counts as a set: wearing order is kept for the client's display,
 * but the scene prompt lists items in catalog order, so reordering alone
 * produces the same prompt and is not worth a paid image generation.
 */
export function looksDifferent(before: Monster, after: Monster): boolean {
  if (before.baseColor !== after.baseColor) return true;
  return monsterLists.some((list) => !sameSet(before[list], after[list]));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((code) => right.has(code));
}
