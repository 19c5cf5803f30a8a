/**
 * Exact ranks without counting everyone above, the
 * pure part. Entries are ordered by score (highest first), then by who got
 * there first (earliest `reachedAt`), then by user id, so every user has one
 * place. A board keeps, per score bucket, how many users are in it (counted
 * in batches from the table's stream); a user's rank is then
 *
 *   1 + (users in buckets above theirs) + (users of their own bucket above them)
 *
 * and only the last term reads entries: those of one bucket, above the user.
 */

/** A user's standing on one board and period. */
export interface BoardEntry {
  userId: string;
  score: number;
  /** ISO instant the score was reached: the earlier of two equal scores ranks first */
  reachedAt: string;
}

/** Scores are whole, 0 to 10^15 - 1 (fifteen digits keep the sort key's order). */
export const MAX_SCORE = 999_999_999_999_999;
const SCORE_DIGITS = 15;
/** Milliseconds up to 9999-12-31, inverted so that earlier sorts higher. */
const TIME_DIGITS = 15;
const TIME_CEILING = 999_999_999_999_999;

/**
 * The index sort key: byte order is rank order reversed (a descending Query
 * reads the board from the top). Equal scores: the earlier time has the
 * larger inverted value, so it comes first; the user id settles the rest.
 */
export function rankKey(entry: BoardEntry): string {
  const score = Math.min(Math.max(0, Math.floor(entry.score)), MAX_SCORE);
  const inverted = TIME_CEILING - Date.parse(entry.reachedAt);
  return `${String(score).padStart(SCORE_DIGITS, '0')}#${String(inverted).padStart(TIME_DIGITS, '0')}#${entry.userId}`;
}

/** The bucket of a score: buckets of `width` points each, bucket 0 holding 0 .. width-1. */
export function bucketOf(score: number, width: number): number {
  return Math.floor(Math.max(0, score) / width);
}

/** The lowest and highest rank keys a bucket can hold, for a key-range query inside it. */
export function bucketKeyRange(bucket: number, width: number): { from: string; to: string } {
  const low = String(bucket * width).padStart(SCORE_DIGITS, '0');
  const high = String(Math.min(MAX_SCORE, (bucket + 1) * width - 1)).padStart(SCORE_DIGITS, '0');
  return { from: `${low}#`, to: `${high}#~` };
}

/** bucket -> users in it; buckets with no users may be absent */
export type BucketCounts = ReadonlyMap<number, number>;

export interface Standing {
  rank: number;
  total: number;
  /** share of the board's users ranked below this one, 0..100, one decimal */
  percentile: number;
}

/**
 * The exact standing of a user in bucket `bucket` with `aboveInBucket` users
 * of that bucket ranked above them.
 */
export function standingFrom(counts: BucketCounts, bucket: number, aboveInBucket: number): Standing {
  let above = aboveInBucket;
  let total = 0;
  for (const [b, n] of counts) {
    total += n;
    if (b > bucket) above += n;
  }
  const rank = above + 1;
  return { rank, total, percentile: percentileOf(rank, total) };
}

export function percentileOf(rank: number, total: number): number {
  return total <= 1 ? 100 : Math.round(((total - rank) / (total - 1)) * 1000) / 10;
}

/** How many users each bucket holds, and the change a score update makes to it. */
export function bucketDelta(
  before: { score: number } | null,
  after: { score: number } | null,
  width: number,
): Map<number, number> {
  const delta = new Map<number, number>();
  const add = (bucket: number, n: number) => delta.set(bucket, (delta.get(bucket) ?? 0) + n);
  if (before) add(bucketOf(before.score, width), -1);
  if (after) add(bucketOf(after.score, width), 1);
  for (const [bucket, n] of delta) if (n === 0) delta.delete(bucket);
  return delta;
}

/** The rank keys of users with exactly `score`: the ties a rank counts in the index. */
export function scoreKeyRange(score: number): { from: string; to: string } {
  const padded = String(Math.min(Math.max(0, Math.floor(score)), MAX_SCORE)).padStart(SCORE_DIGITS, '0');
  return { from: `${padded}#`, to: `${padded}#~` };
}

const DAY_MS = 86_400_000;
/** ten minutes: a day has 144 slots */
const SLOT_MS = 600_000;
const SLOTS_PER_DAY = DAY_MS / SLOT_MS;
const DAY_CEILING = 99_999_999;

/**
 * When a score was reached, as the tie levels count it: the UTC day and the
 * ten-minute slot of that day, both inverted so that earlier is larger (the
 * earlier of two equal scores ranks higher, and levels count larger as above).
 */
export function reachSlotOf(reachedAt: string): { day: number; slot: number } {
  const ms = Date.parse(reachedAt);
  const day = Math.floor(ms / DAY_MS);
  return { day: DAY_CEILING - day, slot: SLOTS_PER_DAY - 1 - Math.floor((ms - day * DAY_MS) / SLOT_MS) };
}

/** The rank keys of the users tied on `score` who reached it in the same ten-minute slot as `reachedAt`. */
export function slotKeyRange(score: number, reachedAt: string): { from: string; to: string } {
  const ms = Date.parse(reachedAt);
  const start = ms - (((ms % SLOT_MS) + SLOT_MS) % SLOT_MS);
  const { from, to } = scoreKeyRange(score);
  const time = (instant: number) => String(TIME_CEILING - instant).padStart(TIME_DIGITS, '0');
  return { from: `${from}${time(start + SLOT_MS - 1)}#`, to: `${to.slice(0, -1)}${time(start)}#~` };
}

/**
 * One level of a board's counters as a rank reads it: the counts of the
 * user's own node and its siblings (the nodes under the same parent; at the
 * top level, every node), and which one is the user's.
 */
export interface CounterLevel {
  counts: BucketCounts;
  mine: number;
}

/**
 * The exact standing from nested counters (the scale design, at every
 * level): rank = 1 + the users of every sibling above the user's node at each
 * level + the users of the user's own finest node who rank above them (read
 * from the index). `levels[0]` is the top level, whose counts hold everyone.
 */
export function standingFromLevels(levels: readonly CounterLevel[], aboveInNode: number): Standing {
  let above = aboveInNode;
  for (const level of levels) for (const [n, users] of level.counts) if (n > level.mine) above += users;
  let total = 0;
  for (const users of levels[0]?.counts.values() ?? []) total += users;
  const rank = above + 1;
  return { rank, total, percentile: percentileOf(rank, total) };
}
