import * as z from 'zod';

/** One per streak type an applied activity counted for: the streak after it. */

export const detailType = 'streak.updated';
export const version = 1;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date, YYYY-MM-DD');

export const schema = z
  .object({
    user_id: z.string().min(1),
    /** the activity's event id (or the freeze request's) */
    event_id: z.string().min(1),
    streak_type: z.string().min(1),
    action: z.enum(['started', 'maintained', 'increased', 'broken', 'frozen']),
    current: z.number().int().min(0),
    previous: z.number().int().min(0),
    longest: z.number().int().min(0),
    total_days: z.number().int().min(0),
    /** the user-local day the activity counted for */
    day,
    freezes_left: z.number().int().min(0),
  })
  .strict();

export type StreakUpdated = z.infer<typeof schema>;
