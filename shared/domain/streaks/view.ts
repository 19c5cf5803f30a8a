import type { Rules } from '../../rules/schema';
import { wallClock } from '../local-time';
import type { Profile } from '../types';
import { addDays, localInstant } from './local-day';
import type { StreakAction } from './state';
import { type StreakStatus, statusAt } from './status';
import { walletAt } from './wallet';

export interface StreakTypeView {
  type: string;
  description: string;
  status: StreakStatus;
  current: number;
  longest: number;
  lastActiveDay: string | null;
  totalDays: number;
  lastAction: StreakAction | null;
  doneToday: boolean;
  atRisk: boolean;
  /** hours until today's streak day ends (next local midnight plus grace, wall clock), one decimal */
  hoursLeftToday: number;
  nextMilestone: { days: number; daysRemaining: number; xp: number; coins: number } | null;
  health: number;
}

export interface StreaksView {
  freezesHeld: number;
  freezesMax: number;
  streaks: StreakTypeView[];
}

const HOUR_MS = 3_600_000;

/**
 * Health, 0-100: how safe and how established a streak is.
 *   60 * min(current, 30) / 30        length (a broken streak has current 0)
 * + 20 * min(freezes held, 2) / 2     cover for a missed day
 * + 20 if kept today, 10 if today is still open and not at risk, 0 at risk
 * A 30-day streak kept today with two freezes in hand scores 100.
 */
export function healthScore(
  current: number,
  freezesHeld: number,
  doneToday: boolean,
  atRisk: boolean,
): number {
  const length = (60 * Math.min(current, 30)) / 30;
  const cover = (20 * Math.min(freezesHeld, 2)) / 2;
  const today = doneToday ? 20 : atRisk ? 0 : 10;
  return Math.round(length + cover + today);
}

/** GET /v1/me/streaks: every streak type of the rules, as of `now`, in the user's zone. */
export function streakView(rules: Rules, profile: Profile, now: Date): StreaksView {
  const config = rules.streaks;
  const held = walletAt(rules, profile, now).held;
  if (!config) return { freezesHeld: held, freezesMax: 0, streaks: [] };
  const localHour = Math.floor(wallClock(now, profile.timeZone).minutes / 60);
  const streaks = Object.entries(config.types).map(([type, rule]): StreakTypeView => {
    const state = profile.streaks?.[type];
    const at = statusAt(rules, profile, type, state, held, now);
    const open = at.status === 'active' || at.status === 'frozen';
    const atRisk = open && !at.doneToday && localHour >= config.at_risk_hour;
    // grace is wall-clock time past the next local midnight, as in streakDay
    const ends = localInstant(addDays(at.today, 1), rule.grace_hours * 60, profile.timeZone).getTime();
    // A broken streak's paid milestones belong to the run that ended.
    const paid = at.status === 'broken' ? [] : (state?.paid ?? []);
    const next = config.milestones.find((m) => m.days > at.current && !paid.includes(m.days));
    return {
      type,
      description: rule.description,
      status: at.status,
      current: at.current,
      longest: state?.longest ?? 0,
      lastActiveDay: state?.lastDay ?? null,
      totalDays: state?.total ?? 0,
      lastAction: state?.action ?? null,
      doneToday: at.doneToday,
      atRisk,
      hoursLeftToday: Math.max(0, Math.round((ends - now.getTime()) / (HOUR_MS / 10)) / 10),
      nextMilestone: next
        ? { days: next.days, daysRemaining: next.days - at.current, xp: next.xp, coins: next.coins }
        : null,
      health: healthScore(at.current, held, at.doneToday, atRisk),
    };
  });
  return { freezesHeld: held, freezesMax: config.freezes.max, streaks };
}
