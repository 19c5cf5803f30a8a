import * as z from 'zod';
import { boardWindows } from '../rules/leaderboards-schema';

/** Request and response schemas of the leaderboard routes. */

const count = z.number().int().min(0);
const rank = z.number().int().min(1);

/** A whole number from the query string, with messages that name what is wrong. */
const wholeNumber = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

const period = z
  .string()
  .min(1, 'must not be empty')
  .max(16, 'must be at most 16 characters')
  .describe(
    'all_time, week, month (the current one), or a past period by its key (2026-W48, 2026-11); ' +
      'default: all_time if the board keeps it, else its first window',
  )
  .optional();

export const boardPathSchema = z
  .object({
    board: z.string().regex(/^[a-z][a-z0-9_]{1,47}$/, 'a board id: lower snake_case, 2-48 characters'),
  })
  .strict();

export const leaderboardQuerySchema = z
  .object({ period, limit: wholeNumber(1, 100, 10).describe('rows from the top') })
  .strict();

export const myStandingQuerySchema = z
  .object({ period, around: wholeNumber(0, 25, 5).describe('neighbours to show above me and below me') })
  .strict();

export type LeaderboardQuery = z.output<typeof leaderboardQuerySchema>;
export type MyStandingQuery = z.output<typeof myStandingQuerySchema>;

const window = z.enum(boardWindows);

export const leaderboardsResponseSchema = z.object({
  boards: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      metric: z
        .object({ kind: z.enum(['xp', 'streak', 'activity_count', 'achievements_unlocked']) })
        .catchall(z.string())
        .describe('what the board ranks: streak boards name streak and measure, activity boards activity'),
      windows: z.array(window),
      time_zone: z.string().describe('IANA zone in which its weeks and months start'),
      current_periods: z
        .partialRecord(window, z.string())
        .describe('window -> key of the period running now, e.g. {"all_time":"all","week":"2026-W49"}'),
    }),
  ),
});

export const leaderboardEntryResponseSchema = z.object({
  rank,
  player_id: z
    .string()
    .describe('the same player on every board, never the user id: a hash of it (p_ and 22 characters)'),
  display_name: z.string().nullable().describe('null: the user set none'),
  level: z.number().int().min(1),
  score: count,
  me: z.boolean().describe("true on the caller's own row"),
});

export const leaderboardResponseSchema = z.object({
  board: z.string(),
  period: z.string().describe('the period key read: all, 2026-W49, 2026-12'),
  entries: z.array(leaderboardEntryResponseSchema).describe('best first; equal scores: who got there first'),
});

export const myStandingResponseSchema = z.discriminatedUnion('ranked', [
  z.object({
    board: z.string(),
    period: z.string(),
    ranked: z.literal(true),
    rank,
    score: count,
    percentile: z.number().min(0).max(100).describe("share of the board's users ranked below me"),
    total: count.describe('users ranked on the board and period'),
    around: z
      .array(leaderboardEntryResponseSchema)
      .describe('up to `around` users above me, my own row (me: true), then up to `around` below'),
  }),
  z.object({
    board: z.string(),
    period: z.string(),
    ranked: z.literal(false),
    reason: z
      .enum(['no_score', 'hidden'])
      .describe('no_score: no points there yet; hidden: I opted out of public boards'),
    score: count.describe('my score there, shown to me even when hidden'),
  }),
]);

export type LeaderboardsResponse = z.infer<typeof leaderboardsResponseSchema>;
export type LeaderboardResponse = z.infer<typeof leaderboardResponseSchema>;
export type MyStandingResponse = z.infer<typeof myStandingResponseSchema>;
