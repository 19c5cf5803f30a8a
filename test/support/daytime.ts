/**
 * A recent instant that no time-of-day rule reacts to, for tests and benches
 * that record an activity "now".
 *
 * The default rules hold time-of-day achievements (`early_bird` before 07:00
 * local, `night_owl` from 23:00 local) and users default to UTC, so an
 * activity stamped with the clock would unlock one of them at night and add
 * its reward to every total: the suite would pass or fail by the hour. This
 * answers a minute ago when that falls between 07:00 and 22:59 UTC, and
 * otherwise the last 21:00:00.000 UTC before it: at most 10 hours back, well
 * inside the rules' 72-hour event age, and never in the future.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The first UTC hour neither achievement reacts to, and the first it does. */
const DAY_STARTS_HOUR = 7;
const NIGHT_STARTS_HOUR = 23;
/** The fallback instant at night: two hours before `night_owl`, with room to add minutes. */
const FALLBACK_HOUR = 21;

export function recentDaytime(now: number | Date = Date.now()): Date {
  const minuteAgo = new Date((typeof now === 'number' ? now : now.getTime()) - MINUTE_MS);
  const hour = minuteAgo.getUTCHours();
  if (hour >= DAY_STARTS_HOUR && hour < NIGHT_STARTS_HOUR) return minuteAgo;
  const midnight = Date.UTC(minuteAgo.getUTCFullYear(), minuteAgo.getUTCMonth(), minuteAgo.getUTCDate());
  // from 23:00 the same day's 21:00 is the last one; before 07:00 it is yesterday's
  const dayStart = hour >= NIGHT_STARTS_HOUR ? midnight : midnight - DAY_MS;
  return new Date(dayStart + FALLBACK_HOUR * HOUR_MS);
}

/** `recentDaytime` as an ISO string, the form activities carry their time in. */
export const recentDaytimeIso = (now: number | Date = Date.now()): string => recentDaytime(now).toISOString();
