import type { Rules } from '../../rules/schema';
import { allTimeScore } from '../leaderboards/board-scores';
import { levelProgress } from '../level-curve';
import { titleForLevel } from '../titles';
import type { Replayed } from './replay';

/** What a user would see of a replay: the figures a what-if compares. */
export interface UserFigures {
  xp: number;
  level: number;
  title: string;
  coins: number;
  coinsEarned: number;
  /** achievement id -> times earned (tiers, repeats) */
  achievements: Record<string, number>;
  /** streak type -> current and longest run */
  streaks: Record<string, { current: number; longest: number }>;
  /** all-time board id -> score */
  scores: Record<string, number>;
  /** what was bought but could not be paid for under these rules */
  unaffordable: string[];
  /** recorded activities these rules refuse (a lower cap, a removed type) */
  refusedActivities: number;
}

export function figuresOf(rules: Rules, replayed: Replayed): UserFigures {
  const { profile } = replayed;
  const level = levelProgress(rules.levels, profile.xp).level;
  const achievements: Record<string, number> = {};
  for (const [id, [times]] of Object.entries(profile.achievements?.earned ?? {})) achievements[id] = times;
  const streaks: UserFigures['streaks'] = {};
  for (const [type, state] of Object.entries(profile.streaks ?? {})) {
    streaks[type] = { current: state.current, longest: state.longest };
  }
  const scores: Record<string, number> = {};
  for (const [id, board] of Object.entries(rules.leaderboards)) {
    if (board.windows.includes('all_time')) scores[id] = allTimeScore(board, profile);
  }
  return {
    xp: profile.xp,
    level,
    title: titleForLevel(rules, level),
    coins: profile.coins,
    coinsEarned: replayed.coinsEarned,
    achievements,
    streaks,
    scores,
    unaffordable: replayed.unaffordable.map((u) => `${u.reason} (${u.price} coins, ${u.at})`),
    refusedActivities: replayed.refusedActivities,
  };
}

/**
 * Competition ranks ("1224") of every user on each board: a higher score is
 * a better rank; a user without a score on a board has no rank there.
 */
export function positionsOf(all: ReadonlyMap<string, UserFigures>): Map<string, Record<string, number>> {
  const boards = new Set<string>();
  for (const figures of all.values()) for (const board of Object.keys(figures.scores)) boards.add(board);
  const positions = new Map<string, Record<string, number>>();
  for (const board of boards) {
    const scored = [...all].flatMap(([userId, f]) => {
      const score = f.scores[board];
      return score === undefined || score <= 0 ? [] : [{ userId, score }];
    });
    scored.sort((a, b) => b.score - a.score);
    scored.forEach((entry, index) => {
      const previous = scored[index - 1];
      const rank =
        previous && previous.score === entry.score
          ? (positions.get(previous.userId)?.[board] ?? index + 1)
          : index + 1;
      positions.set(entry.userId, { ...positions.get(entry.userId), [board]: rank });
    });
  }
  return positions;
}
