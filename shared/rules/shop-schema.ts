import * as z from 'zod';
import defaultShop from './default-shop.json';
import { checkShopConsistency } from './shop-references';

/**
 * The shop in the rules: customization items for the monster avatar, the
 * rewards coins can be redeemed for, the monster's defaults and the per-user
 * rate limits of the shop and customization routes. A rules document without
 * `shop` gets the shipped starter catalog (default-shop.json).
 */

const code = z.string().regex(/^[a-z][a-z0-9_]{1,47}$/, 'lower snake_case, 2-48 characters');

export const itemTypes = ['accessory', 'clothing', 'feature', 'color', 'pattern'] as const;
export type ItemType = (typeof itemTypes)[number];

/** What must be true before an item can be bought (or, at price 0, before it is simply unlocked). */
export const requirementSchema = z.discriminatedUnion('kind', [
  /** everyone has it from the start, nothing to buy */
  z.object({ kind: z.literal('free') }).strict(),
  /** anyone may buy it */
  z.object({ kind: z.literal('coins') }).strict(),
  z.object({ kind: z.literal('level'), min: z.number().int().min(2).max(1000) }).strict(),
  z.object({ kind: z.literal('achievement'), achievement: code }).strict(),
  /** VIP tier premium */
  z.object({ kind: z.literal('premium') }).strict(),
]);

export type Requirement = z.output<typeof requirementSchema>;

export const shopItemSchema = z
  .object({
    type: z.enum(itemTypes),
    name: z.string().min(1).max(60),
    description: z.string().min(1).max(200),
    /** 0 with a requirement other than `coins`: unlocked as soon as the requirement is met */
    price_coins: z.number().int().min(0).max(1_000_000),
    requirement: requirementSchema,
    /** catalog order, ascending */
    order: z.number().int().min(0).max(100_000),
  })
  .strict();

export type ShopItemDefinition = z.output<typeof shopItemSchema>;

export const rewardSchema = z
  .object({
    name: z.string().min(1).max(60),
    description: z.string().min(1).max(200),
    type: z.enum(['digital', 'physical', 'perk']),
    cost_coins: z.number().int().min(1).max(10_000_000),
    /** absent: unlimited */
    stock: z.number().int().min(0).max(10_000_000).optional(),
    /** absent: unlimited */
    per_user_limit: z.number().int().min(1).max(10_000).optional(),
    order: z.number().int().min(0).max(100_000),
  })
  .strict();

export type RewardDefinition = z.output<typeof rewardSchema>;

const shopRulesObject = z
  .object({
    items: z.record(code, shopItemSchema),
    rewards: z.record(code, rewardSchema),
    monster: z
      .object({
        /** a new user's monster is called this until they rename it */
        default_name: z.string().min(1).max(40),
        /** a `color` item with a `free` requirement */
        default_color: code,
        max_accessories: z.number().int().min(1).max(20),
      })
      .strict(),
    /** requests per user per minute, over every Lambda instance */
    rate_limits: z
      .object({
        customization_per_minute: z.number().int().min(1).max(10_000),
        shop_per_minute: z.number().int().min(1).max(10_000),
      })
      .strict(),
  })
  .strict()
  .superRefine(checkShopConsistency);

export const shopRulesSchema = shopRulesObject.prefault(
  () => defaultShopRules() as z.input<typeof shopRulesObject>,
);

/** The shipped starter catalog, as a rules document's `shop` value. */
export function defaultShopRules(): Record<string, unknown> {
  return structuredClone(defaultShop) as Record<string, unknown>;
}

export type ShopRules = z.output<typeof shopRulesSchema>;
