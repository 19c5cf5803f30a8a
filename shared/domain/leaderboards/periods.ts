import type { BoardDefinition, BoardWindow } from '../../rules/leaderboards-schema';
import { ValidationError } from '../errors';
import { localDateKey } from '../local-time';

/**
 * A board's periods: `all` for all time, `2026-W48` for an ISO week (Monday
 * to Sunday), `2026-11` for a calendar month, each in the board's time zone.
 * Past periods stay readable by their key.
 */

export const ALL_TIME = 'all';

const WEEK_KEY = /^(\d{4})-W(\d{2})$/;
const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** ISO 8601 week of a calendar date: the week belongs to the year of its Thursday. */
export function isoWeekKey(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The window a past period's key belongs to: `week` (2026-W48), `month` (2026-11), or null. */
export function windowOfKey(key: string): 'week' | 'month' | null {
  return WEEK_KEY.test(key) ? 'week' : MONTH_KEY.test(key) ? 'month' : null;
}

const DAY_MS = 86_400_000;

/**
 * Epoch seconds at which a week or month period has ended everywhere: its
 * end in UTC plus a day, the most any zone lags UTC.
 */
export function periodEndSeconds(key: string): number {
  const week = WEEK_KEY.exec(key);
  if (week) {
    // ISO week 1 is the week holding 4 January; its Monday starts the year's weeks.
    const jan4 = Date.UTC(Number(week[1]), 0, 4);
    const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
    return (mondayOfWeek1 + Number(week[2]) * 7 * DAY_MS + DAY_MS) / 1000;
  }
  const month = MONTH_KEY.exec(key);
  if (month) return (Date.UTC(Number(month[1]), Number(month[2]), 1) + DAY_MS) / 1000;
  throw new Error(`not a week or month period key: ${key}`);
}

/** The key of the period of `window` that contains `instant`, in `timeZone`. */
export function periodKey(window: BoardWindow, instant: Date, timeZone: string): string {
  if (window === 'all_time') return ALL_TIME;
  const date = localDateKey(instant, timeZone);
  return window === 'week' ? isoWeekKey(date) : date.slice(0, 7);
}

/**
 * The period a request names: `all_time`, `week` or `month` (the current
 * one), or a past week or month by its key. Refused (400, field `period`):
 * a window the board does not keep, a malformed key, a period not begun.
 */
export function resolvePeriod(board: BoardDefinition, requested: string, now: Date): string {
  const invalid = (message: string) => new ValidationError([{ field: 'period', message }]);
  const kept = (window: BoardWindow) => board.windows.includes(window);
  if (requested === 'all_time' || requested === 'week' || requested === 'month') {
    if (!kept(requested)) throw invalid(`this board keeps ${board.windows.join(', ')}`);
    return periodKey(requested, now, board.time_zone);
  }
  const window = windowOfKey(requested);
  if (!window) throw invalid('all_time, week, month, or a past period such as 2026-W48 or 2026-11');
  if (!kept(window)) throw invalid(`this board keeps ${board.windows.join(', ')}`);
  const week = WEEK_KEY.exec(requested);
  if (week && (Number(week[2]) < 1 || Number(week[2]) > 53)) throw invalid('weeks run from W01 to W53');
  // Keys of one window sort by time, so the current key bounds every period that has begun.
  if (requested > periodKey(window, now, board.time_zone)) throw invalid('that period has not begun');
  return requested;
}
