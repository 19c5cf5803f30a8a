import * as z from 'zod';

/** Freeze tokens covered missed days (automatically) or a day ahead (explicitly). */

export const detailType = 'streak.frozen';
export const version = 1;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date, YYYY-MM-DD');

export const schema = z
  .object({
    user_id: z.string().min(1),
    event_id: z.string().min(1),
    streak_type: z.string().min(1),
    mode: z.enum(['automatic', 'explicit']),
    frozen_days: z.array(day).min(1),
    freezes_used: z.number().int().min(1),
    freezes_left: z.number().int().min(0),
    current: z.number().int().min(0),
  })
  .strict();

export type StreakFrozen = z.infer<typeof schema>;
