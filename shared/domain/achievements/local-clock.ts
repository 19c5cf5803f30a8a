import { wallClock } from '../local-time';

/**
 * Minutes past local midnight, for time-of-day criteria (early bird, night
 * owl). Intl applies the zone's offset at that instant, so DST is handled.
 */

export function localMinuteOfDay(instant: Date, timeZone: string): number {
  return wallClock(instant, timeZone).minutes;
}

/** "HH:MM" -> minutes past midnight. */
export function minutesOf(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}

/** [from, to) in local minutes; a window whose start is after its end wraps past midnight. */
export function inWindow(minute: number, window: { from: string; to?: string | undefined }): boolean {
  const from = minutesOf(window.from);
  const to = window.to === undefined ? 24 * 60 : minutesOf(window.to);
  return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}
