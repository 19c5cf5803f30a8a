import type { BoardScore, Contender } from '../../ports/leaderboards';
import type { BoardDefinition } from '../../rules/leaderboards-schema';
import type { Rules } from '../../rules/schema';
import type { Profile } from '../types';
import { ALL_TIME, periodEndSeconds, windowOfKey } from './periods';

/**
 * What a profile says a user's scores are: the figure the stream consumer
 * projects into the leaderboard store after every profile write. All-time
 * scores are read from the profile's own totals; week and month scores from
 * its board tallies (tallies.ts).
 */

const DAY_S = 86_400;

/** The board's all-time figure on the profile; 0 when nothing was counted yet. */
export function allTimeScore(board: BoardDefinition, profile: Profile): number {
  const { metric } = board;
  switch (metric.kind) {
    case 'xp':
      return profile.xp;
    case 'streak':
      return profile.streaks?.[metric.streak]?.[metric.measure] ?? 0;
    case 'activity_count':
      return profile.achievements?.counts[metric.activity] ?? 0;
    case 'achievements_unlocked':
      return Object.values(profile.achievements?.earned ?? {}).reduce((sum, [times]) => sum + times, 0);
  }
}

function scoresOf(id: string, board: BoardDefinition, profile: Profile): BoardScore[] {
  const scores: BoardScore[] = [];
  // Zeros too: the store must learn when a score dropped to 0.
  if (board.windows.includes('all_time')) {
    scores.push({ board: id, period: ALL_TIME, score: allTimeScore(board, profile) });
  }
  const keep = board.keep_closed_days * DAY_S;
  const now = Date.parse(profile.updatedAt) / 1000;
  const tallies = profile.boardTallies?.[id] ?? {};
  for (const [period, score] of Object.entries(tallies)) {
    const window = windowOfKey(period);
    if (!window || !board.windows.includes(window)) continue;
    const expiresAt = periodEndSeconds(period) + keep;
    // A user back after a long absence still holds old tallies: what has expired is not written again.
    if (expiresAt > now) scores.push({ board: id, period, score, expiresAt });
  }
  return scores;
}

/** A profile as the leaderboard projection sees it: who, how to show them, and every score. */
export function contenderOf(rules: Rules, profile: Profile): Contender {
  return {
    userId: profile.userId,
    profileVersion: profile.version,
    updatedAt: profile.updatedAt,
    displayName: profile.displayName ?? null,
    level: profile.level,
    visible: profile.leaderboardVisible !== false,
    scores: Object.entries(rules.leaderboards).flatMap(([id, board]) => scoresOf(id, board, profile)),
  };
}
