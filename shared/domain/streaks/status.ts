import type { Rules } from '../../rules/schema';
import type { Profile } from '../types';
import { daysBetween, streakDay } from './local-day';
import type { StreakState } from './state';

/**
 * - none: never counted;
 * - active: kept today, or last kept yesterday (today still open);
 * - frozen: today is covered by an explicit freeze, or missed days since the
 *   last active day will be covered by freezes at the next activity;
 * - broken: missed days and not enough freezes: the next activity starts over.
 */
export type StreakStatus = 'none' | 'active' | 'frozen' | 'broken';

export interface StreakStatusAt {
  status: StreakStatus;
  today: string;
  doneToday: boolean;
  /** the current streak as of today: 0 once broken */
  current: number;
  /** missed days before today that the next activity must bridge */
  missedDays: number;
}

function lastOf(days: readonly string[]): string | null {
  return days.length > 0 ? (days[days.length - 1] ?? null) : null;
}

/** Where a streak stands at `now`, given the freeze tokens `held`; reads only, never consumes. */
export function statusAt(
  rules: Rules,
  profile: Profile,
  type: string,
  state: StreakState | undefined,
  held: number,
  now: Date,
): StreakStatusAt {
  const rule = rules.streaks?.types[type];
  const today = streakDay(now, profile.timeZone, rule?.grace_hours ?? 0);
  if (!rule || !state || state.lastDay === null) {
    return { status: 'none', today, doneToday: false, current: 0, missedDays: 0 };
  }
  const doneToday = state.days.includes(today);
  const coveredTo = [state.lastDay, lastOf(state.frozen), lastOf(state.shields.filter((d) => d < today))]
    .filter((d): d is string => d !== null)
    .sort()
    .pop() as string;
  const missedDays = Math.max(0, daysBetween(coveredTo, today) - 1);
  const base = { today, doneToday, missedDays };
  if (doneToday || (missedDays === 0 && !state.shields.includes(today))) {
    return { ...base, status: state.current > 0 ? 'active' : 'broken', current: state.current };
  }
  if (missedDays === 0) return { ...base, status: 'frozen', current: state.current };
  if (rule.freezable && state.current > 0 && missedDays <= held) {
    return { ...base, status: 'frozen', current: state.current };
  }
  return { ...base, status: 'broken', current: 0 };
}
