import * as z from 'zod';

/** A streak ran out (missed days and not enough freezes); the activity started a new run. */

export const detailType = 'streak.broken';
export const version = 1;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date, YYYY-MM-DD');

export const schema = z
  .object({
    user_id: z.string().min(1),
    event_id: z.string().min(1),
    streak_type: z.string().min(1),
    /** the length of the run that ended */
    previous_length: z.number().int().min(1),
    last_active_day: day,
    /** the day the new run starts */
    day,
    longest: z.number().int().min(1),
  })
  .strict();

export type StreakBroken = z.infer<typeof schema>;
