import * as z from 'zod';
import { itemTypes } from '../rules/shop-schema';
import { pageQuerySchema } from './request-schemas';
import { userEventId, userEventKeySchema } from './user-event-ids';

/** Request and response schemas of the shop, rewards and monster routes. */

const code = z.string().regex(/^[a-z][a-z0-9_]{1,47}$/, 'a catalog code: lower snake_case, 2-48 characters');
const count = z.number().int().min(0);
const instant = z.string().describe('ISO 8601 instant, UTC');

export const shopItemsQuerySchema = z
  .object({
    type: z.enum([...itemTypes, 'consumable']).optional(),
    unlocked_only: z
      .enum(['true', 'false'], { message: 'must be true or false' })
      .transform((v) => v === 'true')
      .optional(),
  })
  .strict();

export const itemPathSchema = z.object({ code }).strict();
export const rewardPathSchema = z.object({ id: code }).strict();

/**
 * The `Idempotency-Key` header of a purchase or redemption: the same key
 * twice applies once (the second answer is the first, with duplicate true).
 * Absent: the request's own id, so each request is a new purchase.
 */
export const idempotencyKeySchema = userEventKeySchema;

export const idempotencyHeadersSchema = z.object({
  'idempotency-key': idempotencyKeySchema
    .optional()
    .describe('the same key twice applies once; the replay answers 200 with duplicate true'),
});

const codes = z.array(code).max(20, 'at most 20 items');

/** Absent fields keep their value. Lengths are checked loosely here and exactly by the domain. */
export const monsterBodySchema = z
  .object({
    name: z.string().max(200, 'must be at most 40 characters'),
    base_color: code,
    accessories: codes,
    clothing: codes,
    features: codes,
    patterns: codes,
    version: z.number().int().min(0).describe('the version read: a change made since (another tab) is a 409'),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).some((field) => field !== 'version'), {
    message: 'must change at least one of name, base_color, accessories, clothing, features, patterns',
  })
  .meta({ minProperties: 1 });

const requirement = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free') }),
  z.object({ kind: z.literal('coins') }),
  z.object({ kind: z.literal('level'), min: count }),
  z.object({ kind: z.literal('achievement'), achievement: z.string() }),
  z.object({ kind: z.literal('premium') }),
]);

export const shopItemResponseSchema = z.object({
  code: z.string(),
  type: z.enum([...itemTypes, 'consumable']),
  name: z.string(),
  description: z.string(),
  price_coins: count,
  requirement,
  is_unlocked: z.boolean(),
  is_equipped: z.boolean(),
  can_unlock: z.boolean(),
  why_not: z
    .object({
      code: z.enum(['already_unlocked', 'requirement_unmet', 'insufficient_coins', 'freezes_full']),
      message: z.string(),
    })
    .optional()
    .describe('present exactly when can_unlock is false'),
});

export const shopItemsResponseSchema = z.object({ items: z.array(shopItemResponseSchema) });

export const itemBoughtResponseSchema = z.object({
  duplicate: z.boolean(),
  event_id: z.string(),
  code: z.string(),
  coins_spent: count,
  coins: count.describe('the balance after the purchase'),
});

export const rewardResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  type: z.enum(['digital', 'physical', 'perk']),
  cost_coins: count,
  stock: count.nullable().describe('null: unlimited'),
  remaining: count.nullable().describe('stock left for everyone; null: unlimited'),
  per_user_limit: count.nullable(),
  redeemed_by_me: count,
});

export const rewardsResponseSchema = z.object({ rewards: z.array(rewardResponseSchema) });

export const redeemedResponseSchema = z.object({
  duplicate: z.boolean(),
  redemption_id: z.string(),
  reward_id: z.string(),
  coins_spent: count,
  coins: count,
});

export const redemptionsQuerySchema = pageQuerySchema;

export const redemptionsResponseSchema = z.object({
  redemptions: z.array(
    z.object({
      id: z.string(),
      reward_id: z.string(),
      cost_coins: count,
      status: z.enum(['pending', 'fulfilled', 'cancelled']),
      redeemed_at: instant,
    }),
  ),
  next_cursor: z.string().nullable(),
});

export const monsterResponseSchema = z.object({
  name: z.string(),
  base_color: z.object({ code: z.string(), name: z.string().nullable() }),
  customizations: z.object({
    accessories: z.array(z.string()),
    clothing: z.array(z.string()),
    features: z.array(z.string()),
    patterns: z.array(z.string()),
  }),
  scene_level: count,
  scene_url: z
    .url()
    .nullable()
    .describe(
      "the monster's scene (1024 px WebP): the current level's, or the last one while it is being drawn; null until a scene exists",
    ),
  scene_thumbnails: z
    .object({ medium: z.url().describe('512 px'), thumb: z.url().describe('200 px') })
    .nullable()
    .describe('smaller renditions of the same scene, to show first'),
  xp: count,
  next_milestone: z.object({ scene_level: count, xp: count, xp_remaining: count }).nullable(),
  progress_percent: z.number().min(0).max(100),
  version: count.describe('send it back with PUT to guard against a change made meanwhile'),
  needs_scene_regeneration: z
    .boolean()
    .optional()
    .describe('PUT only: true when what the scene shows changed'),
  scene_job_id: z
    .string()
    .nullable()
    .optional()
    .describe(
      'PUT only: the scene job drawing the new look (poll /v1/me/scenes/jobs/{job_id}); null when none started',
    ),
});

/**
 * The purchase's event id: the Idempotency-Key header (already checked by
 * its schema), in the users' own namespace (user-event-ids.ts), else this
 * request's own id.
 */
export function purchaseEventId(
  key: string | undefined,
  event: { requestContext: { requestId: string } },
): string {
  return key === undefined ? `request-${event.requestContext.requestId}` : userEventId(key);
}
