import * as z from 'zod';
import { isValidTimeZone } from '../domain/local-time';
import defaultBoards from './default-leaderboards.json';

/**
 * `leaderboards`, keyed by board id: what each board ranks (its metric),
 * over which windows (all time, the ISO week, the calendar month, in the
 * board's time zone), and the width of its score buckets (the rank of a user
 * reads only the users of their own bucket: narrow enough that no bucket
 * holds more than a few hundred of them). A rules document without the key
 * gets the shipped boards (default-leaderboards.json).
 */

const code = z.string().regex(/^[a-z][a-z0-9_]{1,47}$/, 'lower snake_case, 2-48 characters');

export const boardWindows = ['all_time', 'week', 'month'] as const;
export type BoardWindow = (typeof boardWindows)[number];

const metricSchema = z.discriminatedUnion('kind', [
  /** XP earned (in the window) */
  z.object({ kind: z.literal('xp') }).strict(),
  /** a streak type's current or longest run (all time only: a streak is its own window) */
  z.object({ kind: z.literal('streak'), streak: code, measure: z.enum(['current', 'longest']) }).strict(),
  /** applied activities of one type */
  z.object({ kind: z.literal('activity_count'), activity: code }).strict(),
  /** achievements (and tiers) unlocked */
  z.object({ kind: z.literal('achievements_unlocked') }).strict(),
]);

export const boardSchema = z
  .object({
    name: z.string().min(1).max(60),
    metric: metricSchema,
    windows: z.array(z.enum(boardWindows)).min(1).max(3),
    /** IANA zone in which weeks and months start */
    time_zone: z.string().refine(isValidTimeZone, 'an IANA time zone, e.g. Europe/Paris').default('UTC'),
    bucket_width: z.number().int().min(1).max(1_000_000),
    /** days a closed window stays readable before DynamoDB expires it */
    keep_closed_days: z.number().int().min(1).max(3650).default(400),
  })
  .strict()
  .refine((b) => new Set(b.windows).size === b.windows.length, {
    message: 'a window is listed twice',
    path: ['windows'],
  })
  .refine((b) => b.metric.kind !== 'streak' || (b.windows.length === 1 && b.windows[0] === 'all_time'), {
    message: 'a streak board ranks runs, which have no week or month: windows must be ["all_time"]',
    path: ['windows'],
  });

const boardsObject = z.record(code, boardSchema);

export const leaderboardsSchema = boardsObject.prefault(
  () => structuredClone(defaultBoards) as z.input<typeof boardsObject>,
);

export type BoardDefinition = z.output<typeof boardSchema>;
export type Leaderboards = z.output<typeof leaderboardsSchema>;

/** Boards name streak types and activities that exist. */
export function checkLeaderboardReferences(
  rules: {
    activities: Record<string, unknown>;
    streaks?: { types: Record<string, unknown> };
    leaderboards?: Leaderboards;
  },
  ctx: z.RefinementCtx,
): void {
  for (const [id, board] of Object.entries(rules.leaderboards ?? {})) {
    const { metric } = board;
    if (metric.kind === 'streak' && !Object.hasOwn(rules.streaks?.types ?? {}, metric.streak)) {
      ctx.addIssue({
        code: 'custom',
        path: ['leaderboards', id, 'metric', 'streak'],
        message: `unknown streak type ${metric.streak}`,
      });
    }
    if (metric.kind === 'activity_count' && !Object.hasOwn(rules.activities, metric.activity)) {
      ctx.addIssue({
        code: 'custom',
        path: ['leaderboards', id, 'metric', 'activity'],
        message: `unknown activity ${metric.activity}`,
      });
    }
  }
}
