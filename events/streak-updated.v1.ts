import * as z from 'zod';
import { localDay as day, streakEventFields } from './streak-fields';

/** One per streak type an applied activity counted for: the streak after it. */

export const detailType = 'streak.updated';
export const version = 1;

export const schema = z
  .object({
    ...streakEventFields,
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
