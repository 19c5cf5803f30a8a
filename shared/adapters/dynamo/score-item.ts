import * as z from 'zod';
import { bucketOf, rankKey } from '../../domain/leaderboards/ranking';
import type { BoardRef, BoardScore, Contender, RankedEntry } from '../../ports/leaderboards';
import { parseItem } from './items';
import { indexPartition, scoreItemKey, shardOf } from './leaderboard-keys';
import { leaderboardIndex } from './table-definition';

/**
 * A user's score on one board and period, as stored: the projection of
 * their profile (see leaderboard-projection.ts). While ranked (visible,
 * score above 0) it carries the index keys and the bucket it is counted in;
 * `profile_version` guards every rewrite.
 */
export const scoreItemSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  user_id: z.string().min(1),
  score: z.number().int().min(0),
  reached_at: z.string().min(1),
  level: z.number().int().min(1),
  display_name: z.string().optional(),
  visible: z.boolean(),
  profile_version: z.number().int().min(0),
  bucket: z.number().int().min(0).optional(),
  [leaderboardIndex.partitionKey]: z.string().optional(),
  [leaderboardIndex.sortKey]: z.string().optional(),
  expires_at: z.number().int().optional(),
});

export type ScoreItem = z.output<typeof scoreItemSchema>;

export const parseScoreItem = (item: Record<string, unknown>): ScoreItem => parseItem(scoreItemSchema, item);

/** Is the stored item on the board (and in its counts)? */
export const isRanked = (item: ScoreItem): boolean => item.bucket !== undefined;

/**
 * The score item a contender's score stands for. The time a score was
 * reached is kept while the score stays the same (a level-up or a new name
 * does not move a user behind their ties).
 */
export function scoreItemFor(
  board: BoardRef,
  contender: Contender,
  score: BoardScore,
  previous: ScoreItem | null,
): ScoreItem {
  const reachedAt = previous && previous.score === score.score ? previous.reached_at : contender.updatedAt;
  const item: ScoreItem = {
    ...scoreItemKey(contender.userId, board.id, score.period),
    user_id: contender.userId,
    score: score.score,
    reached_at: reachedAt,
    level: contender.level,
    visible: contender.visible,
    profile_version: contender.profileVersion,
  };
  if (contender.displayName !== null) item.display_name = contender.displayName;
  if (score.expiresAt !== undefined) item.expires_at = score.expiresAt;
  if (contender.visible && score.score > 0) {
    item.bucket = bucketOf(score.score, board.bucketWidth);
    item[leaderboardIndex.partitionKey] = indexPartition(board.id, score.period, shardOf(contender.userId));
    item[leaderboardIndex.sortKey] = rankKey({ userId: contender.userId, score: score.score, reachedAt });
  }
  return item;
}

/** Whether writing `next` over `previous` would change anything a reader sees. */
export function differs(previous: ScoreItem | null, next: ScoreItem): boolean {
  if (!previous) return true;
  const keys: (keyof ScoreItem)[] = [
    'score',
    'reached_at',
    'level',
    'display_name',
    'visible',
    'bucket',
    'expires_at',
  ];
  return keys.some((key) => previous[key] !== next[key]);
}

export function entryOf(item: ScoreItem, rank: number): RankedEntry {
  return {
    rank,
    userId: item.user_id,
    displayName: item.display_name ?? null,
    level: item.level,
    score: item.score,
    reachedAt: item.reached_at,
  };
}

export const rankKeyOf = (item: ScoreItem): string => item[leaderboardIndex.sortKey] ?? '';
