/**
 * Cap windows: UTC hours (the same for everyone) and user-local days (what a
 * person calls "today", in their IANA time zone, DST included).
 */

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD, which sorts as a string.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  return format;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    dateFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** "2026-11-23T15" for any instant in that UTC hour. */
export function utcHourKey(instant: Date): string {
  return instant.toISOString().slice(0, 13);
}

/**
 * "2026-11-23": the calendar date at `instant` in `timeZone`. A zone that is
 * not valid IANA (settings are validated on write, so only legacy data) counts
 * as UTC rather than failing the award.
 */
export function localDateKey(instant: Date, timeZone: string): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const parts = dateFormat(zone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
