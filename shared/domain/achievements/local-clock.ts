import { isValidTimeZone } from '../local-time';

/**
 * Minutes past local midnight, for time-of-day criteria (early bird, night
 * owl). Intl applies the zone's offset at that instant, so DST is handled.
 */

const clockFormats = new Map<string, Intl.DateTimeFormat>();

function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clockFormats.set(timeZone, format);
  }
  return format;
}

export function localMinuteOfDay(instant: Date, timeZone: string): number {
  const parts = clockFormat(isValidTimeZone(timeZone) ? timeZone : 'UTC').formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
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
