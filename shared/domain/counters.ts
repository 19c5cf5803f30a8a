import type { ActivityDefinition } from '../rules/schema';
import { localDateKey, utcHourKey } from './local-time';
import type { ActivityCounters, Profile } from './types';

/**
 * Per-activity counters for caps and once-per-day live on the profile item, so
 * checking them costs no extra read. Only windows that can still matter are
 * kept, which keeps the item small (item size is write units):
 * - days: as long as an activity may arrive late (limits.max_event_age_hours),
 *   plus the widest gap between a UTC instant and a local date (26 h), so a
 *   late activity still finds its own day's count;
 * - hours: one day. An activity arriving more than a day late is held to its
 *   daily cap and once-per-day, not to its hourly cap.
 */
export const HOUR_RETENTION_HOURS = 24;
const LOCAL_DAY_SPREAD_HOURS = 26;

export function dayRetentionHours(maxEventAgeHours: number): number {
  return maxEventAgeHours + LOCAL_DAY_SPREAD_HOURS;
}

export interface Windows {
  hour: string;
  day: string;
}

export function windowsFor(occurredAt: Date, timeZone: string): Windows {
  return { hour: utcHourKey(occurredAt), day: localDateKey(occurredAt, timeZone) };
}

/** Activities without caps or once_per_day need no counters at all. */
export function isCounted(definition: ActivityDefinition): boolean {
  return (
    definition.once_per_day || definition.caps.per_hour !== undefined || definition.caps.per_day !== undefined
  );
}

export function countsIn(profile: Profile, type: string, windows: Windows): { hour: number; day: number } {
  const counters = profile.counters[type];
  return { hour: counters?.hours[windows.hour] ?? 0, day: counters?.days[windows.day] ?? 0 };
}

function keepFrom(window: Record<string, number>, oldest: string): Record<string, number> {
  const kept: Record<string, number> = {};
  for (const [key, count] of Object.entries(window)) {
    // Keys are ISO-shaped, so string order is time order.
    if (key >= oldest) kept[key] = count;
  }
  return kept;
}

/**
 * The profile's counters after one more award of `type`: the activity's hour
 * and day incremented, windows older than the retention dropped. Hours count
 * only under an hourly cap; days only under a daily cap or once-per-day.
 */
export function countAward(
  profile: Profile,
  type: string,
  definition: ActivityDefinition,
  occurredAt: Date,
  maxEventAgeHours: number,
): Record<string, ActivityCounters> {
  const windows = windowsFor(occurredAt, profile.timeZone);
  const hoursAgo = (hours: number) => new Date(occurredAt.getTime() - hours * 3_600_000);
  const current = profile.counters[type] ?? { hours: {}, days: {} };
  const hours = keepFrom(current.hours, utcHourKey(hoursAgo(HOUR_RETENTION_HOURS)));
  const days = keepFrom(
    current.days,
    localDateKey(hoursAgo(dayRetentionHours(maxEventAgeHours)), profile.timeZone),
  );
  if (definition.caps.per_hour !== undefined) hours[windows.hour] = (hours[windows.hour] ?? 0) + 1;
  if (definition.once_per_day || definition.caps.per_day !== undefined) {
    days[windows.day] = (days[windows.day] ?? 0) + 1;
  }
  return { ...profile.counters, [type]: { hours, days } };
}
