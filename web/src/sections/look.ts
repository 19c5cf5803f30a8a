import type { Monster, ShopItem } from '../api/operations';

/** What the monster wears: the part of a PUT /v1/me/monster body a customization changes. */
export interface Look {
  base_color: string;
  accessories: string[];
  clothing: string[];
  features: string[];
  patterns: string[];
}

export const LIST_OF = {
  accessory: 'accessories',
  clothing: 'clothing',
  feature: 'features',
  pattern: 'patterns',
} as const;
export const MAX_ACCESSORIES = 5;

export function lookOf(monster: Monster): Look {
  return { base_color: monster.base_color.code, ...structuredClone(monster.customizations) };
}

export function wears(look: Look, item: ShopItem): boolean {
  if (item.type === 'color') return look.base_color === item.code;
  if (item.type === 'consumable') return false;
  return look[LIST_OF[item.type]].includes(item.code);
}

/** Puts an owned item on, or takes it off (a color replaces the color; accessories stop at five). */
export function toggle(look: Look, item: ShopItem): Look {
  if (item.type === 'consumable') return look;
  if (item.type === 'color') return { ...look, base_color: item.code };
  const list = LIST_OF[item.type];
  const current = look[list];
  if (current.includes(item.code)) return { ...look, [list]: current.filter((code) => code !== item.code) };
  if (list === 'accessories' && current.length >= MAX_ACCESSORIES) return look;
  return { ...look, [list]: [...current, item.code] };
}

/** The look in words, by the items' names: the preview of a draft before it is saved (and drawn). */
export function describeLook(look: Look, items: readonly ShopItem[]): string {
  const names = new Map(items.map((item) => [item.code, item.name]));
  const worn = [look.base_color, ...look.accessories, ...look.clothing, ...look.features, ...look.patterns];
  return worn.map((code) => names.get(code) ?? code).join(', ');
}

export function sameLook(a: Look, b: Look): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
