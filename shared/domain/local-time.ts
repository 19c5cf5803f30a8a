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
 * formatToParts is the costly part, and one apply reads several instants
 * (now, occurredAt, window edges). So the zone's UTC offset is read once per
 * quarter hour of UTC time and kept: every zone's transitions since 1970 fall
 * on a UTC quarter hour (offsets and local switch times are whole quarter
 * hours), so the offset read at a quarter's start holds for all of it.
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const offsets = new Map<string, number>();
const KEPT_OFFSETS = 4096;

function offsetMs(quarterStart: number, zone: string): number {
  const key = `${zone}|${quarterStart}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const parts = wallClockFormat(zone).formatToParts(new Date(quarterStart));
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const offset =
    Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - quarterStart;
  if (offsets.size >= KEPT_OFFSETS) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/**
 * The wall clock at `instant` in `timeZone`. A zone that is not valid IANA
 * (settings are validated on write, so only legacy data) reads as UTC rather
 * than failing the award.
 */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const at = instant.getTime();
  const shifted = new Date(
    at + offsetMs(at - (((at % QUARTER_HOUR_MS) + QUARTER_HOUR_MS) % QUARTER_HOUR_MS), zone),
  );
  return {
    day: shifted.toISOString().slice(0, 10),
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
    asUtc: shifted.getTime() - shifted.getUTCMilliseconds(),
  };
}

/** "2026-11-23": the calendar date at `instant` in `timeZone`. */
export function localDateKey(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).day;
}
