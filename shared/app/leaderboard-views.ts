import { NotFoundError } from '../domain/errors';
import { periodKey, resolvePeriod } from '../domain/leaderboards/periods';
import type { BoardRef, LeaderboardStore, MyStanding, RankedEntry, Unranked } from '../ports/leaderboards';
import type { Clock } from '../ports/operations';
import type { BoardDefinition, BoardWindow } from '../rules/leaderboards-schema';
import type { Rules } from '../rules/schema';

/** A board as GET /v1/leaderboards lists it, with the key of each window's current period. */
export interface BoardSummary {
  id: string;
  name: string;
  metric: BoardDefinition['metric'];
  windows: BoardWindow[];
  timeZone: string;
  /** window -> key of the period running now (`all`, `2026-W49`, `2026-12`) */
  currentPeriods: Partial<Record<BoardWindow, string>>;
}

export interface BoardTop {
  board: string;
  /** the resolved period key */
  period: string;
  entries: RankedEntry[];
}

/** My own row, for the middle of `around`, as my score item has it. */
export interface MyRow {
  rank: number;
  userId: string;
  displayName: string | null;
  level: number;
  score: number;
}

export type MyBoardStanding =
  | { board: string; period: string; ranked: true; me: MyRow; standing: MyStanding }
  | { board: string; period: string; ranked: false; standing: Unranked };

type BoardRules = Pick<Rules, 'leaderboards'>;

/** The boards of the rules in their rules order. Pure: the public list reads no table. */
export function boardSummaries(rules: BoardRules, now: Date): BoardSummary[] {
  return Object.entries(rules.leaderboards).map(([id, board]) => ({
    id,
    name: board.name,
    metric: board.metric,
    windows: [...board.windows],
    timeZone: board.time_zone,
    currentPeriods: Object.fromEntries(board.windows.map((w) => [w, periodKey(w, now, board.time_zone)])),
  }));
}

/** The period a request without one reads: all time if the board keeps it, else its first window. */
export function defaultWindow(board: BoardDefinition): BoardWindow {
  return board.windows.includes('all_time') ? 'all_time' : (board.windows[0] ?? 'all_time');
}

export interface LeaderboardViewDeps {
  rules: BoardRules;
  clock: Clock;
  leaderboards: LeaderboardStore;
}

/** The reads of the leaderboard routes. Limits are validated at the HTTP edge. */
export function makeLeaderboardViews(deps: LeaderboardViewDeps) {
  const boardNamed = (boardId: string): { ref: BoardRef; board: BoardDefinition } => {
    const board = Object.hasOwn(deps.rules.leaderboards, boardId)
      ? deps.rules.leaderboards[boardId]
      : undefined;
    if (!board) throw new NotFoundError('leaderboard', boardId);
    return { ref: { id: boardId, bucketWidth: board.bucket_width }, board };
  };
  const periodOf = (board: BoardDefinition, requested: string | undefined): string =>
    resolvePeriod(board, requested ?? defaultWindow(board), deps.clock.now());

  return {
    /** GET /v1/leaderboards/{board}: the first `limit` rows of a period */
    async top(boardId: string, query: { period?: string; limit: number }): Promise<BoardTop> {
      const { ref, board } = boardNamed(boardId);
      const period = periodOf(board, query.period);
      const entries = await deps.leaderboards.top(ref, period, query.limit);
      return { board: boardId, period, entries };
    },

    /** GET /v1/leaderboards/{board}/me: my exact rank with `around` neighbours each side, or why none */
    async me(
      userId: string,
      boardId: string,
      query: { period?: string; around: number },
    ): Promise<MyBoardStanding> {
      const { ref, board } = boardNamed(boardId);
      const period = periodOf(board, query.period);
      const standing = await deps.leaderboards.standing(ref, period, userId, query.around);
      if ('unranked' in standing) return { board: boardId, period, ranked: false, standing };
      const me: MyRow = {
        rank: standing.rank,
        userId,
        displayName: standing.displayName,
        level: standing.level,
        score: standing.score,
      };
      return { board: boardId, period, ranked: true, me, standing };
    },
  };
}

export type LeaderboardViews = ReturnType<typeof makeLeaderboardViews>;
