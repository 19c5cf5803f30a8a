import * as z from 'zod';

/**
 * The same unlock as achievement.unlocked, for consumers that speak of badges
 * (profile pages, notifications): what to show, not what was paid.
 */

export const detailType = 'badge.earned';
export const version = 1;

export const schema = z
  .object({
    user_id: z.string().min(1),
    event_id: z.string().min(1),
    badge_id: z.string().min(1),
    name: z.string().min(1),
    description: z.string().min(1),
    category: z.string().min(1),
    rarity: z.enum(['common', 'rare', 'epic', 'legendary']),
    tier: z.enum(['bronze', 'silver', 'gold', 'platinum']).optional(),
    times_earned: z.number().int().min(1),
    earned_at: z.iso.datetime({ offset: true }),
  })
  .strict();

export type BadgeEarned = z.infer<typeof schema>;
