import * as z from 'zod';

/** A streak run reached a milestone; the bonus is on the ledger entry of the same event id. */

export const detailType = 'streak.milestone';
export const version = 1;

export const schema = z
  .object({
    user_id: z.string().min(1),
    event_id: z.string().min(1),
    streak_type: z.string().min(1),
    days: z.number().int().min(1),
    bonus_xp: z.number().int().min(0),
    bonus_coins: z.number().int().min(0),
    current: z.number().int().min(1),
  })
  .strict();

export type StreakMilestone = z.infer<typeof schema>;
