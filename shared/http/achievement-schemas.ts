import * as z from 'zod';
import { rarities, tierNames } from '../rules/achievements-schema';

/** Response schemas of the achievement routes. */

const count = z.number().int().min(0);
const instant = z.string().describe('ISO 8601 instant, UTC');
const rarity = z.enum(rarities);
const tier = z.enum(tierNames);
const percent = z.number().min(0).max(100);

export const catalogItemResponseSchema = z.object({
  id: z.string(),
  name: z.string().describe('"Hidden achievement" for hidden ones'),
  description: z.string(),
  category: z.string(),
  rarity,
  kind: z.enum(['one_off', 'incremental', 'tiered', 'repeatable']),
  hidden: z.boolean(),
  unlocked_percent: percent.describe(
    'share of users who unlocked it (the first tier, for tiered), one decimal; counted from the stream, seconds behind',
  ),
  xp: count.optional().describe('reward; absent for tiered (each tier has its own)'),
  coins: count.optional(),
  tiers: z
    .array(z.object({ tier, min: count, rarity, xp: count, coins: count, unlocked_percent: percent }))
    .optional(),
});

export const catalogResponseSchema = z.object({
  users: count.describe('users with a profile: the whole the percentages are shares of'),
  items: z.array(catalogItemResponseSchema),
});

const progress = z.object({ current: count, target: count, percent });

export const inProgressResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  next_tier: tier.optional(),
  progress,
});

export const myAchievementsResponseSchema = z.object({
  unlocked: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      category: z.string(),
      rarity,
      tier: tier.optional().describe('highest tier reached, for tiered'),
      times: z.number().int().min(1),
      unlocked_at: instant,
      last_unlocked_at: instant,
    }),
  ),
  in_progress: z.array(inProgressResponseSchema),
  closest: z.array(inProgressResponseSchema).describe('at most three, highest percent first'),
});

export type CatalogResponse = z.infer<typeof catalogResponseSchema>;
export type MyAchievementsResponse = z.infer<typeof myAchievementsResponseSchema>;
