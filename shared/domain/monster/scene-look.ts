import { createHash } from 'node:crypto';
import type { Rules } from '../../rules/schema';
import type { ItemType, ShopItemDefinition } from '../../rules/shop-schema';
import { catalogItem, type Monster } from './monster';
import { MAX_SCENE_LEVEL } from './scenes';

/**
 * Everything a scene's image depends on, and nothing else: the scene level,
 * the body colour and the worn items of each kind, in catalog order (wearing
 * order does not show), known items of the right type only. Never the name:
 * it is the user's free text. Two monsters with the same look share one image.
 */
export interface SceneLook {
  level: number;
  /** a `color` item code; the catalog's default colour when the stored one is unknown */
  color: string;
  accessories: string[];
  clothing: string[];
  features: string[];
  patterns: string[];
}

export function sceneLook(rules: Rules, monster: Monster, level: number): SceneLook {
  const color =
    catalogItem(rules, monster.baseColor)?.type === 'color'
      ? monster.baseColor
      : rules.shop.monster.default_color;
  const codes = (list: readonly string[], type: ItemType) =>
    wornItems(rules, list, type).map(({ code }) => code);
  return {
    level: Math.min(Math.max(0, Math.trunc(level)), MAX_SCENE_LEVEL),
    color,
    accessories: codes(monster.accessories, 'accessory'),
    clothing: codes(monster.clothing, 'clothing'),
    features: codes(monster.features, 'feature'),
    patterns: codes(monster.patterns, 'pattern'),
  };
}

/**
 * The scene cache key: a hash of the look and of what draws it (the model id,
 * or "procedural" and its version). Equal looks drawn the same way share a
 * stored image; any visible change, or another model, is another key.
 */
export function sceneCacheKey(look: SceneLook, drawnBy: string, variant?: string): string {
  const parts = [
    drawnBy,
    look.level,
    look.color,
    look.accessories,
    look.clothing,
    look.features,
    look.patterns,
    // a requested new drawing of the same look: its own key, so stored images never change
    ...(variant === undefined ? [] : [variant]),
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/**
 * The catalog items of a list's codes, in catalog order. A code the catalog
 * no longer knows, or now files under another type, is skipped: a stored
 * monster may predate a catalog change.
 */
export function wornItems(
  rules: Rules,
  codes: readonly string[],
  type: ItemType,
): { code: string; item: ShopItemDefinition }[] {
  const known: { code: string; item: ShopItemDefinition }[] = [];
  for (const code of new Set(codes)) {
    const item = catalogItem(rules, code);
    if (item?.type === type) known.push({ code, item });
  }
  return known.sort(
    (a, b) => a.item.order - b.item.order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
