import * as z from 'zod';
import { localDay as day, streakEventFields } from './streak-fields';

/** A streak ran out (missed days and not enough freezes); the activity started a new run. */

export const detailType = 'streak.broken';
export const version = 1;

export const schema = z
  .object({
    ...streakEventFields,
    /** the length of the run that ended */
    previous_length: z.number().int().min(1),
    last_active_day: day,
    /** the day the new run starts */
    day,
    longest: z.number().int().min(1),
  })
  .strict();

export type StreakBroken = z.infer<typeof schema>;
