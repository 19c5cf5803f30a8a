import { defaultShopRules } from '../../shared/rules/shop-schema';

/**
 * The shipped shop, minus the items gated by an achievement that `achievements`
 * does not have: what a test rules document with its own (small) achievement
 * catalog needs, since the rules refuse a shop item that names an unknown
 * achievement.
 */
export function shopFor(achievements: Record<string, unknown>): Record<string, unknown> {
  const shop = defaultShopRules() as {
    items: Record<string, { requirement: { kind: string; achievement?: string } }>;
  };
  shop.items = Object.fromEntries(
    Object.entries(shop.items).filter(
      ([, item]) =>
        item.requirement.kind !== 'achievement' ||
        Object.hasOwn(achievements, item.requirement.achievement ?? ''),
    ),
  );
  return shop;
}
