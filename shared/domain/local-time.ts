/**
 * Time in the user's zone: UTC hours for cap windows (the same for everyone),
 * and the wall clock in their IANA time zone for local days, streak days and
 * time-of-day criteria. Intl applies the zone's offset at each instant, so
 * DST (23- and 25-hour days) needs no special case.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    // en-CA with h23: numeric parts that never read "24:00".
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    wallClockFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** "2026-11-23T15" for any instant in that UTC hour. */
export function utcHourKey(instant: Date): string {
  return instant.toISOString().slice(0, 13);
}

export interface WallClock {
  /** the local calendar date, "2026-11-23" */
  day: string;
  /** minutes since local midnight on the wall clock */
  minutes: number;
  /** the wall clock read as if it were UTC, to derive the zone's offset */
  asUtc: number;
}

/**
 * One apply reads the same instant's wall clock several times (caps, each
 * streak type, the multiplier, time-of-day criteria), and formatToParts is the
 * costly part: recent readings are kept, keyed by zone and instant.
 */
const recent = new Map<string, WallClock>();
const RECENT_READINGS = 256;

/**
 * The wall clock at `instant` in `timeZone`. A zone that is not valid IANA
 * (settings are validated on write, so only legacy data) reads as UTC rather
 * than failing the award.
 */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const key = `${zone}|${instant.getTime()}`;
  const known = recent.get(key);
  if (known) return known;
  const parts = wallClockFormat(zone).formatToParts(instant);
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const [y, mo, d, h, mi, s] = [n('year'), n('month'), n('day'), n('hour'), n('minute'), n('second')];
  const day = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const reading = Object.freeze({ day, minutes: h * 60 + mi, asUtc: Date.UTC(y, mo - 1, d, h, mi, s) });
  if (recent.size >= RECENT_READINGS) recent.clear();
  recent.set(key, reading);
  return reading;
}

/** "2026-11-23": the calendar date at `instant` in `timeZone`. */
export function localDateKey(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).day;
}
