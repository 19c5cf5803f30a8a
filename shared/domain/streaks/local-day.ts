import { wallClock } from '../local-time';

/**
 * Streak days are the user's local calendar days ("2026-11-23"), read from the
 * wall clock in their IANA zone, so DST (23- and 25-hour days) needs no special
 * case. Day arithmetic runs on the date key alone, in UTC, where every day has
 * 24 hours.
 */

const DAY_MS = 86_400_000;

/**
 * The day an instant counts for: its local date, or the day before while the
 * wall clock is still within the grace hours. Grace is wall-clock time, so on
 * the night the clocks go back 01:30 (the second one) still counts as grace.
 */
export function streakDay(instant: Date, timeZone: string, graceHours: number): string {
  const clock = wallClock(instant, timeZone);
  return clock.minutes < graceHours * 60 ? addDays(clock.day, -1) : clock.day;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The instant the wall clock in `timeZone` shows `minutes` past midnight on
 * `day`. Two fixed-point steps find the offset; inside a spring-forward gap
 * (a wall time that does not exist) the guesses straddle it and the later one
 * is the first instant the clock is past it.
 */
export function localInstant(day: string, minutes: number, timeZone: string): Date {
  const target = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  const offsetAt = (t: number) => wallClock(new Date(t), timeZone).asUtc - t;
  const first = target - offsetAt(target);
  const second = target - offsetAt(first);
  return new Date(Math.max(first, second));
}

export function startOfDay(day: string, timeZone: string): Date {
  return localInstant(day, 0, timeZone);
}
