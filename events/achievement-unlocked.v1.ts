import * as z from 'zod';

/**
 * One per unlock: a tiered achievement publishes one per tier reached, a
 * repeatable one per repeat. The reward is already in the same outcome's
 * points.awarded (and ledger entry).
 */

export const detailType = 'achievement.unlocked';
export const version = 1;

export const schema = z
  .object({
    user_id: z.string().min(1),
    event_id: z.string().min(1),
    achievement_id: z.string().min(1),
    name: z.string().min(1),
    kind: z.enum(['one_off', 'incremental', 'tiered', 'repeatable']),
    category: z.string().min(1),
    rarity: z.enum(['common', 'rare', 'epic', 'legendary']),
    /** set for tiered achievements only */
    tier: z.enum(['bronze', 'silver', 'gold', 'platinum']).optional(),
    /** the tier's position (1 = bronze) for tiered, the repeat count for repeatable, 1 otherwise */
    times_earned: z.number().int().min(1),
    hidden: z.boolean(),
    reward_xp: z.number().int().min(0),
    reward_coins: z.number().int().min(0),
    unlocked_at: z.iso.datetime({ offset: true }),
    /** granted for the past by a rules backfill (npm run rules:backfill), not by an activity just now */
    backfill: z.literal(true).optional(),
  })
  .strict();

export type AchievementUnlocked = z.infer<typeof schema>;
