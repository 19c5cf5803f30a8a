/**
 * What the leaderboard use cases and the stream consumer depend on.
 * The DynamoDB adapter (shared/adapters/dynamo/leaderboard-store.ts) keeps one
 * score item per user, board and period, a sharded sparse index over them in
 * rank order, and per-board bucket counts; see the README's "Leaderboards".
 */

/** A board as the store needs it: its id and the width of its score buckets. */
export interface BoardRef {
  id: string;
  bucketWidth: number;
}

/** A user's score on one board and period, as the profile says it is now. */
export interface BoardScore {
  board: string;
  period: string;
  score: number;
  /** epoch seconds after which a closed window's items expire; absent: kept (all time) */
  expiresAt?: number;
}

/** One user's state as a profile write left it: what the projection turns into score items. */
export interface Contender {
  userId: string;
  /** the profile version it comes from: an older record never overwrites a newer projection */
  profileVersion: number;
  /** when the profile was written: the time a changed score was reached */
  updatedAt: string;
  displayName: string | null;
  level: number;
  /** false: the user opted out of public boards (their items leave the index and the counts) */
  visible: boolean;
  scores: BoardScore[];
}

/** One row of a board. */
export interface RankedEntry {
  rank: number;
  userId: string;
  displayName: string | null;
  level: number;
  score: number;
  /** when the score was reached: the earlier of two equal scores ranks first */
  reachedAt: string;
}

/** A user's exact place on a board and period. */
export interface MyStanding {
  rank: number;
  score: number;
  /** as on my score item: my own row needs no profile read */
  displayName: string | null;
  level: number;
  reachedAt: string;
  /** share of the board's users ranked below, 0..100 */
  percentile: number;
  /** users ranked on the board and period */
  total: number;
  /** up to N users right above (nearest last) and right below (nearest first) */
  above: RankedEntry[];
  below: RankedEntry[];
}

/** Why a user has no standing: no score there yet (or 0), or opted out of public boards. */
export type Unranked = { unranked: 'no_score' | 'hidden'; score: number };

/** A user who entered the top 10 of a board and period or moved within it. */
export interface TopChange {
  board: string;
  period: string;
  userId: string;
  rank: number;
  /** null: the user entered the top 10 */
  previousRank: number | null;
  score: number;
}

export interface LeaderboardStore {
  /** The first `limit` (<= 100) rows of a board and period. */
  top(board: BoardRef, period: string, limit: number): Promise<RankedEntry[]>;
  /** The user's exact standing with `around` neighbours each side, or why there is none. */
  standing(board: BoardRef, period: string, userId: string, around: number): Promise<MyStanding | Unranked>;
  /**
   * Writes the contenders' score items and the bucket counts they move, each
   * chunk in one transaction guarded by what was read, so a retried or
   * repeated batch changes nothing twice. Returns the top-10 changes it made.
   */
  project(boards: readonly BoardRef[], contenders: readonly Contender[]): Promise<TopChange[]>;
}
