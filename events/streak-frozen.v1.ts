import * as z from 'zod';
import { localDay as day, streakEventFields } from './streak-fields';

/** Freeze tokens covered missed days (automatically) or a day ahead (explicitly). */

export const detailType = 'streak.frozen';
export const version = 1;

export const schema = z
  .object({
    ...streakEventFields,
    mode: z.enum(['automatic', 'explicit']),
    frozen_days: z.array(day).min(1),
    freezes_used: z.number().int().min(1),
    freezes_left: z.number().int().min(0),
    current: z.number().int().min(0),
  })
  .strict();

export type StreakFrozen = z.infer<typeof schema>;
