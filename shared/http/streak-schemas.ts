import * as z from 'zod';
import { userEventKeySchema } from './user-event-ids';

/** Request and response schemas of the streak routes; snake_case like the rest of the API. */

const count = z.number().int().min(0);

export const streakPathSchema = z
  .object({
    type: z.string().regex(/^[a-z][a-z0-9_]{1,47}$/, 'a streak type: lower snake_case, 2-48 characters'),
  })
  .strict();

/**
 * No body (or `{}`): spend a held freeze on today. `{ "buy": true, "event_id" }`:
 * buy one freeze into the wallet with coins instead (it is not spent); the
 * event id makes the purchase idempotent.
 */
export const freezeBodySchema = z
  .object({
    buy: z.boolean().optional(),
    event_id: userEventKeySchema.optional(),
  })
  .strict()
  .refine((body) => !body.buy || body.event_id !== undefined, {
    message: 'is required to buy a freeze',
    path: ['event_id'],
  })
  .refine((body) => body.buy || body.event_id === undefined, {
    message: 'only applies when buying a freeze ("buy": true)',
    path: ['event_id'],
  });

export type FreezeBody = z.output<typeof freezeBodySchema>;

export const streakResponseSchema = z.object({
  type: z.string(),
  description: z.string(),
  status: z.enum(['none', 'active', 'frozen', 'broken']),
  current: count.describe('days in the running streak; 0 when none or broken'),
  longest: count,
  last_active_day: z.string().nullable().describe('local date YYYY-MM-DD, in the user time zone'),
  total_days: count,
  last_action: z.enum(['started', 'maintained', 'increased', 'broken', 'frozen']).nullable(),
  done_today: z.boolean(),
  at_risk: z.boolean().describe('not kept today and past the at-risk hour, local time'),
  hours_left_today: z
    .number()
    .min(0)
    .describe('until the streak day ends (midnight plus grace), one decimal'),
  next_milestone: z
    .object({ days: count, days_remaining: count, xp: count, coins: count })
    .nullable()
    .describe('null once every milestone of this run is paid'),
  health: z.number().int().min(0).max(100).describe('0-100: length, freezes in hand, kept today'),
});

export const streaksResponseSchema = z.object({
  freezes_held: count.describe('one pool for every freezable streak type'),
  freezes_max: count,
  streaks: z.array(streakResponseSchema),
});

export const freezeResponseSchema = z.object({
  action: z.enum(['used', 'bought']),
  duplicate: z.boolean().describe('bought only: true when this event_id was applied before'),
  event_id: z.string().optional().describe('bought only: the purchase ledger entry'),
  coins_spent: count,
  coins: count.describe('coin balance after'),
  freezes_held: count,
  freezes_max: count,
  streak: streakResponseSchema.describe('the streak of the path type, as it stands now'),
});

export type StreakResponse = z.infer<typeof streakResponseSchema>;
export type StreaksResponse = z.infer<typeof streaksResponseSchema>;
export type FreezeResponse = z.infer<typeof freezeResponseSchema>;
