import type { BoardSummary, BoardTop, MyBoardStanding } from '../app/leaderboard-views';
import type { RankedEntry } from '../leaderboard-ports';
import type { LeaderboardResponse, LeaderboardsResponse, MyStandingResponse } from './leaderboard-schemas';

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

function presentEntry(e: Omit<RankedEntry, 'reachedAt'>): EntryResponse {
  return { rank: e.rank, user_id: e.userId, display_name: e.displayName, level: e.level, score: e.score };
}

export function presentBoardTop(top: BoardTop): LeaderboardResponse {
  return { board: top.board, period: top.period, entries: top.entries.map(presentEntry) };
}

export function presentMyStanding(view: MyBoardStanding): MyStandingResponse {
  const { board, period } = view;
  if (!view.ranked) {
    return { board, period, ranked: false, reason: view.standing.unranked, score: view.standing.score };
  }
  const { standing } = view;
  const other = (e: RankedEntry) => ({ ...presentEntry(e), me: false });
  return {
    board,
    period,
    ranked: true,
    rank: standing.rank,
    score: standing.score,
    percentile: standing.percentile,
    total: standing.total,
    around: [
      ...standing.above.map(other),
      { ...presentEntry(view.me), me: true },
      ...standing.below.map(other),
    ],
  };
}
