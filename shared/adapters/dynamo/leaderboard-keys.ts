import { createHash } from 'node:crypto';
import { type ItemKey, userPk } from './keys';

/**
 * The leaderboard's keys (the README's "Leaderboards" tells the
 * design). Three kinds of item:
 *
 * - a score item per user, board and period, in the user's partition:
 *   `USER#<u>` / `LB#<board>#<period>`; while the user is ranked it carries
 *   the index keys below, so the index holds ranked users only (sparse);
 * - the index `leaderboard`: partition `LB#<board>#<period>#<shard>` (the
 *   user's shard of SHARDS, so no board writes to one partition only), sort
 *   key the rank key (byte order = rank order, see domain ranking.ts);
 * - counters in one partition per board and period, `LBB#<board>#<period>`,
 *   nested five deep: `G#<group>` users per group of GROUP_SIZE buckets,
 *   `B#<bucket>` per score bucket (the board's bucket_width scores),
 *   `S#<score>` per exact score, and for ties `D#<score>#<day>` per day the
 *   score was reached and `M#<score>#<day>#<slot>` per ten minutes of it.
 *   A rank reads the siblings of its node at each level: a few hundred small
 *   counters at most, however many users there are, however wide their
 *   scores spread and however many share one.
 */

export const SHARDS = 4;
/** buckets per group counter */
export const GROUP_SIZE = 100;

const SCORE = 'LB#';
const COUNTS = 'LBB#';
const BUCKET = 'B#';
const GROUP = 'G#';
const SCORE_COUNT = 'S#';
const DAY_COUNT = 'D#';
const SLOT_COUNT = 'M#';
const DAY_DIGITS = 8;
const SLOT_DIGITS = 3;
const BUCKET_DIGITS = 15;
const GROUP_DIGITS = 13;

export const scoreItemKey = (userId: string, board: string, period: string): ItemKey => ({
  pk: userPk(userId),
  sk: `${SCORE}${board}#${period}`,
});

/** The user's shard: a stable hash, so a user's items of one board stay in one index partition. */
export function shardOf(userId: string): number {
  return createHash('sha256').update(userId).digest().readUInt32BE(0) % SHARDS;
}

export const indexPartition = (board: string, period: string, shard: number): string =>
  `${SCORE}${board}#${period}#${shard}`;

/** Every index partition of a board and period: what a scatter-gather queries. */
export const indexPartitions = (board: string, period: string): string[] =>
  Array.from({ length: SHARDS }, (_, shard) => indexPartition(board, period, shard));

export const countsPk = (board: string, period: string): string => `${COUNTS}${board}#${period}`;

export const groupOf = (bucket: number): number => Math.floor(bucket / GROUP_SIZE);

export const bucketCountKey = (board: string, period: string, bucket: number): ItemKey => ({
  pk: countsPk(board, period),
  sk: `${BUCKET}${String(bucket).padStart(BUCKET_DIGITS, '0')}`,
});

export const groupCountKey = (board: string, period: string, group: number): ItemKey => ({
  pk: countsPk(board, period),
  sk: `${GROUP}${String(group).padStart(GROUP_DIGITS, '0')}`,
});

export const scoreCountKey = (board: string, period: string, score: number): ItemKey => ({
  pk: countsPk(board, period),
  sk: `${SCORE_COUNT}${String(score).padStart(BUCKET_DIGITS, '0')}`,
});

const pad = (n: number, digits: number) => String(n).padStart(digits, '0');

/** Users tied on `score` who reached it on `day` (inverted: see ranking.ts reachSlotOf). */
export const dayCountKey = (board: string, period: string, score: number, day: number): ItemKey => ({
  pk: countsPk(board, period),
  sk: `${DAY_COUNT}${pad(score, BUCKET_DIGITS)}#${pad(day, DAY_DIGITS)}`,
});

/** ... and in the ten-minute `slot` of that day. */
export const slotCountKey = (
  board: string,
  period: string,
  score: number,
  reach: { day: number; slot: number },
): ItemKey => ({
  pk: countsPk(board, period),
  sk: `${SLOT_COUNT}${pad(score, BUCKET_DIGITS)}#${pad(reach.day, DAY_DIGITS)}#${pad(reach.slot, SLOT_DIGITS)}`,
});

/** The day counters of one exact score, for a BETWEEN query. */
export function dayRangeOfScore(score: number): { from: string; to: string } {
  const prefix = `${DAY_COUNT}${pad(score, BUCKET_DIGITS)}#`;
  return { from: prefix, to: `${prefix}~` };
}

/** The slot counters of one day of one exact score, for a BETWEEN query. */
export function slotRangeOfDay(score: number, day: number): { from: string; to: string } {
  const prefix = `${SLOT_COUNT}${pad(score, BUCKET_DIGITS)}#${pad(day, DAY_DIGITS)}#`;
  return { from: prefix, to: `${prefix}~` };
}

/** The sort keys of the exact-score counters of one bucket, for a BETWEEN query. */
export function scoreRangeOfBucket(
  board: string,
  period: string,
  bucket: number,
  width: number,
): { from: string; to: string } {
  return {
    from: scoreCountKey(board, period, bucket * width).sk,
    to: scoreCountKey(board, period, bucket * width + width - 1).sk,
  };
}

/** The sort keys of the bucket counters of one group, for a BETWEEN query. */
export function bucketRangeOfGroup(
  board: string,
  period: string,
  group: number,
): { from: string; to: string } {
  return {
    from: bucketCountKey(board, period, group * GROUP_SIZE).sk,
    to: bucketCountKey(board, period, group * GROUP_SIZE + GROUP_SIZE - 1).sk,
  };
}

export const groupPrefix = GROUP;

/**
 * Parses a counter's sort key: its kind, and the number it is compared on
 * among its siblings (for a day or a slot, the last part).
 */
export function parseCountSk(
  sk: string,
): { kind: 'score' | 'bucket' | 'group' | 'day' | 'slot'; n: number } | null {
  const last = () => Number(sk.slice(sk.lastIndexOf('#') + 1));
  if (sk.startsWith(DAY_COUNT)) return { kind: 'day', n: last() };
  if (sk.startsWith(SLOT_COUNT)) return { kind: 'slot', n: last() };
  if (sk.startsWith(SCORE_COUNT)) return { kind: 'score', n: Number(sk.slice(SCORE_COUNT.length)) };
  if (sk.startsWith(BUCKET)) return { kind: 'bucket', n: Number(sk.slice(BUCKET.length)) };
  if (sk.startsWith(GROUP)) return { kind: 'group', n: Number(sk.slice(GROUP.length)) };
  return null;
}

/**
 * The smallest key above `rankKey` among all rank keys: they end in a user id
 * of characters above the space (activity-completed's userIdSchema), so no key
 * falls between `rankKey` and `rankKey + ' '`. KeyConditions have BETWEEN but
 * no "greater than and at most", which counting inside a bucket needs.
 */
export const justAbove = (rankKey: string): string => `${rankKey} `;
