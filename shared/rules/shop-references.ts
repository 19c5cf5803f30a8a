import type * as z from 'zod';
import type { ShopRules } from './shop-schema';

/**
 * Checks of the shop section across its entries (run by the shop schema) and
 * against the rest of the rules document (run by the rules schema).
 */

/**
 * The streak freeze is sold in the shop but lives in the streak rules, under
 * this code: no item or reward may take it, or one of them would be unreachable.
 */
export const STREAK_FREEZE_CODE = 'streak_freeze';

type Issue = { path: (string | number)[]; message: string };

const reserved = `${STREAK_FREEZE_CODE} is reserved for the streak freeze`;

function report(issues: Issue[], ctx: z.RefinementCtx): void {
  for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}

/**
 * Checks inside `shop` (paths relative to it): a free item costs 0, the
 * monster's default color is a free color, the streak freeze's code is not taken.
 */
export function checkShopConsistency(
  shop: Pick<ShopRules, 'items' | 'rewards' | 'monster'>,
  ctx: z.RefinementCtx,
): void {
  const issues: Issue[] = [];
  for (const [code, item] of Object.entries(shop.items)) {
    if (code === STREAK_FREEZE_CODE) issues.push({ path: ['items', code], message: reserved });
    // A free item is owned by everyone from the start: a price could never be charged.
    if (item.requirement.kind === 'free' && item.price_coins !== 0) {
      issues.push({
        path: ['items', code, 'price_coins'],
        message: 'an item with a free requirement costs 0',
      });
    }
  }
  if (Object.hasOwn(shop.rewards, STREAK_FREEZE_CODE)) {
    issues.push({ path: ['rewards', STREAK_FREEZE_CODE], message: reserved });
  }
  const color = shop.monster.default_color;
  const item = Object.hasOwn(shop.items, color) ? shop.items[color] : undefined;
  // Every new monster wears this color before owning anything, so everyone must own it.
  if (item?.type !== 'color' || item.requirement.kind !== 'free') {
    issues.push({
      path: ['monster', 'default_color'],
      message: `${color} must be a color item with a free requirement`,
    });
  }
  report(issues, ctx);
}

/** Checks of `shop` against the whole rules document: every achievement an item requires exists. */
export function checkShopReferences(
  rules: { shop: Pick<ShopRules, 'items'>; achievements?: Record<string, unknown> },
  ctx: z.RefinementCtx,
): void {
  const achievements = rules.achievements ?? {};
  const issues: Issue[] = [];
  for (const [code, item] of Object.entries(rules.shop.items)) {
    const requirement = item.requirement;
    if (requirement.kind === 'achievement' && !Object.hasOwn(achievements, requirement.achievement)) {
      issues.push({
        path: ['shop', 'items', code, 'requirement', 'achievement'],
        message: `unknown achievement ${requirement.achievement}`,
      });
    }
  }
  report(issues, ctx);
}
