import type { BoardScore, Contender } from '../../leaderboard-ports';
import type { BoardDefinition } from '../../rules/leaderboards-schema';
import type { Rules } from '../../rules/schema';
import type { Profile } from '../types';
import { ALL_TIME } from './periods';

/**
 * What a profile says a user's scores are: the figure the stream consumer
 * projects into the leaderboard store after every profile write. All-time
 * scores are read from the profile's own totals; week and month scores from
 * its board tallies (tallies.ts).
 */

const DAY_S = 86_400;
const WEEK_KEY = /^(\d{4})-W(\d{2})$/;
const MONTH_KEY = /^(\d{4})-(\d{2})$/;

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

/**
 * Epoch seconds at which a week ("2026-W48") or month ("2026-11") period has
 * ended everywhere: its end in UTC plus a day, the most any zone lags UTC.
 */
export function periodEndSeconds(key: string): number {
  const week = WEEK_KEY.exec(key);
  if (week) {
    const year = Number(week[1]);
    // ISO week 1 is the week holding 4 January; its Monday starts the year's weeks.
    const jan4 = Date.UTC(year, 0, 4);
    const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_S * 1000;
    const end = mondayOfWeek1 + Number(week[2]) * 7 * DAY_S * 1000;
    return end / 1000 + DAY_S;
  }
  const month = MONTH_KEY.exec(key);
  if (month) return Date.UTC(Number(month[1]), Number(month[2]), 1) / 1000 + DAY_S;
  throw new Error(`not a week or month period key: ${key}`);
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
    const window = WEEK_KEY.test(period) ? 'week' : 'month';
    if (!board.windows.includes(window)) continue;
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
