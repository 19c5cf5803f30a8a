import type { BoardDefinition } from '../../rules/leaderboards-schema';
import { localDateKey } from '../local-time';
import type { Draft, Evaluator } from '../progress';
import { isoWeekKey, periodKey, windowOfKey } from './periods';

/**
 * What a user earned in each week and month of the windowed boards, kept on
 * the profile so the stream consumer can project it with the all-time figures
 * (board-scores.ts). Only the current and the previous period of each window
 * are kept: older ones are closed, and the leaderboard store already holds
 * their final score.
 */

type WindowedWindow = 'week' | 'month';
const WINDOWED: readonly WindowedWindow[] = ['week', 'month'];

/** What the draft adds to a board's metric in any window; 0 for metrics without windowed tallies. */
function increment(board: BoardDefinition, draft: Draft): number {
  const { metric } = board;
  switch (metric.kind) {
    case 'xp':
      return draft.entry.xp;
    case 'activity_count':
      return draft.entry.kind === 'activity' && draft.activity?.type === metric.activity ? 1 : 0;
    case 'achievements_unlocked':
      return draft.achievements.length;
    default:
      return 0;
  }
}

/** The key of the period right before the one holding `instant`, in `timeZone`. */
export function previousPeriodKey(window: WindowedWindow, instant: Date, timeZone: string): string {
  const [y, m, d] = localDateKey(instant, timeZone).split('-').map(Number) as [number, number, number];
  if (window === 'week') {
    return isoWeekKey(new Date(Date.UTC(y, m - 1, d - 7)).toISOString().slice(0, 10));
  }
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

/** A board's tallies after adding `amount` at `instant`, floored at 0, with closed periods dropped. */
function addTo(
  board: BoardDefinition,
  tallies: Readonly<Record<string, number>>,
  amount: number,
  instant: Date,
): Record<string, number> {
  const next: Record<string, number> = { ...tallies };
  for (const window of WINDOWED) {
    if (!board.windows.includes(window)) continue;
    const key = periodKey(window, instant, board.time_zone);
    const score = Math.max(0, (next[key] ?? 0) + amount);
    if (score > 0 || key in next) next[key] = score;
    // Keys of one window sort by time: anything before the previous period is closed.
    const oldest = previousPeriodKey(window, instant, board.time_zone);
    for (const kept of Object.keys(next)) {
      if (windowOfKey(kept) === window && kept < oldest) delete next[kept];
    }
  }
  return next;
}

/**
 * Adds the outcome to the week and month tallies of every windowed board.
 * Runs last: the entry's XP then includes every bonus, and the unlocks are known.
 */
export const boardTalliesEvaluator: Evaluator = (rules, _before, draft) => {
  const instant = new Date(draft.entry.recordedAt);
  let tallies = draft.profile.boardTallies;
  for (const [id, board] of Object.entries(rules.leaderboards)) {
    if (!board.windows.some((w) => w !== 'all_time')) continue;
    const amount = increment(board, draft);
    if (amount === 0) continue;
    const updated = addTo(board, tallies?.[id] ?? {}, amount, instant);
    const { [id]: _replaced, ...others } = tallies ?? {};
    tallies = Object.keys(updated).length > 0 ? { ...others, [id]: updated } : others;
  }
  if (tallies === draft.profile.boardTallies) return draft;
  const profile = { ...draft.profile };
  if (tallies && Object.keys(tallies).length > 0) profile.boardTallies = tallies;
  else delete profile.boardTallies;
  return { ...draft, profile };
};
