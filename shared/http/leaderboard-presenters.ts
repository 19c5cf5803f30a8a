import type { BoardSummary, BoardTop, MyBoardStanding } from '../app/leaderboard-views';
import type { RankedEntry } from '../ports/leaderboards';
import type { LeaderboardResponse, LeaderboardsResponse, MyStandingResponse } from './leaderboard-schemas';
import { playerIdOf } from './player-ids';

type EntryResponse = LeaderboardResponse['entries'][number];

export function presentBoards(boards: readonly BoardSummary[]): LeaderboardsResponse {
  return {
    boards: boards.map((b) => ({
      id: b.id,
      name: b.name,
      metric: { ...b.metric },
      windows: [...b.windows],
      time_zone: b.timeZone,
      current_periods: { ...b.currentPeriods },
    })),
  };
}

/** A row as others see it: a player id, never the user id (player-ids.ts). */
function presentEntry(e: Omit<RankedEntry, 'reachedAt'>, callerId: string): EntryResponse {
  return {
    rank: e.rank,
    player_id: playerIdOf(e.userId),
    display_name: e.displayName,
    level: e.level,
    score: e.score,
    me: e.userId === callerId,
  };
}

export function presentBoardTop(top: BoardTop, callerId: string): LeaderboardResponse {
  return {
    board: top.board,
    period: top.period,
    entries: top.entries.map((e) => presentEntry(e, callerId)),
  };
}

export function presentMyStanding(view: MyBoardStanding): MyStandingResponse {
  const { board, period } = view;
  if (!view.ranked) {
    return { board, period, ranked: false, reason: view.standing.unranked, score: view.standing.score };
  }
  const { standing } = view;
  const row = (e: Omit<RankedEntry, 'reachedAt'>) => presentEntry(e, view.me.userId);
  return {
    board,
    period,
    ranked: true,
    rank: standing.rank,
    score: standing.score,
    percentile: standing.percentile,
    total: standing.total,
    around: [...standing.above.map(row), row(view.me), ...standing.below.map(row)],
  };
}
