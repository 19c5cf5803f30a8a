import * as z from 'zod';

/**
 * One per user who entered the top 10 of a board and period, or moved
 * within it (up, or down when someone passed them). Published by the
 * leaderboard projection from the table's stream, seconds after the score
 * changed; a retried batch publishes the same `metadata.id`.
 */

export const detailType = 'leaderboard.changed';
export const version = 1;

export const schema = z
  .object({
    user_id: z.string().min(1),
    /** the board's id in the rules */
    board: z.string().min(1),
    /** the period key: `all`, an ISO week (2026-W49) or a month (2026-12) */
    period: z.string().min(1),
    /** the new rank: 10 or better */
    rank: z.number().int().min(1),
    /** null: the user entered the top 10 */
    previous_rank: z.number().int().min(1).nullable(),
    score: z.number().int().min(0),
  })
  .strict();

export type LeaderboardChanged = z.infer<typeof schema>;
