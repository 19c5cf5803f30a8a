import type { StreakAction, StreakBase, StreakState } from '../../domain/streaks/state';

/**
 * A compact form of the streak states for the profile item, where every byte
 * is write units on every activity: positional arrays instead of named fields
 * and day numbers (days since 1970-01-01, five digits) instead of date strings.
 * About a third of the JSON of the plain state.
 */

const DAY_MS = 86_400_000;
const ACTIONS: readonly StreakAction[] = ['started', 'maintained', 'increased', 'broken', 'frozen'];

type Day = number | null;
type PackedBase = [day: Day, run: number, runStart: Day, longest: number, total: number];
export type PackedState = [
  base: PackedBase,
  days: number[],
  frozen: number[],
  shields: number[],
  current: number,
  longest: number,
  lastDay: Day,
  total: number,
  runStart: Day,
  action: number,
  paid: number[],
];

/** Every profile read and write converts the same few hundred days: remember them. */
const dayNames = new Map<number, string>();
const toNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
function toDay(n: number): string {
  let day = dayNames.get(n);
  if (day === undefined) {
    day = new Date(n * DAY_MS).toISOString().slice(0, 10);
    if (dayNames.size >= 10_000) dayNames.clear();
    dayNames.set(n, day);
  }
  return day;
}
const packDay = (day: string | null): Day => (day === null ? null : toNumber(day));
const unpackDay = (n: Day): string | null => (n === null ? null : toDay(n));

function packBase(b: StreakBase): PackedBase {
  return [packDay(b.day), b.run, packDay(b.runStart), b.longest, b.total];
}

export function packStreaks(streaks: Record<string, StreakState>): string {
  const packed: Record<string, PackedState> = {};
  for (const [type, s] of Object.entries(streaks)) {
    packed[type] = [
      packBase(s.base),
      s.days.map(toNumber),
      s.frozen.map(toNumber),
      s.shields.map(toNumber),
      s.current,
      s.longest,
      packDay(s.lastDay),
      s.total,
      packDay(s.runStart),
      ACTIONS.indexOf(s.action),
      s.paid,
    ];
  }
  return JSON.stringify(packed);
}

/** From the JSON text, or from the value it parses to (the store validates it first). */
export function unpackStreaks(stored: string | Record<string, PackedState>): Record<string, StreakState> {
  const packed = typeof stored === 'string' ? (JSON.parse(stored) as Record<string, PackedState>) : stored;
  const streaks: Record<string, StreakState> = {};
  for (const [type, p] of Object.entries(packed)) {
    const [base, days, frozen, shields, current, longest, lastDay, total, runStart, action, paid] = p;
    streaks[type] = {
      base: {
        day: unpackDay(base[0]),
        run: base[1],
        runStart: unpackDay(base[2]),
        longest: base[3],
        total: base[4],
      },
      days: days.map(toDay),
      frozen: frozen.map(toDay),
      shields: shields.map(toDay),
      current,
      longest,
      lastDay: unpackDay(lastDay),
      total,
      runStart: unpackDay(runStart),
      action: ACTIONS[action] ?? 'started',
      paid,
    };
  }
  return streaks;
}
