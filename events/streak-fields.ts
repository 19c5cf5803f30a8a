import * as z from 'zod';

/** A user-local date, as every streak event names days. */
export const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date, YYYY-MM-DD');

/** What every streak event starts with: whose streak, from which event, of which type. */
export const streakEventFields = {
  user_id: z.string().min(1),
  /** the activity's event id (or the freeze request's) */
  event_id: z.string().min(1),
  streak_type: z.string().min(1),
};
