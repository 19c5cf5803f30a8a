import { addDays, daysBetween } from './local-day';
import type { StreakBase } from './state';

/**
 * Derives a streak from its set of days. Late activities are why this is a
 * recomputation and not an increment: an activity for an earlier day (still
 * inside limits.max_event_age_hours) is added to the set and the streak is
 * walked again from the folded base, oldest day first. Freezes are assigned
 * to gaps in chronological order, as if every activity had arrived on time,
 * from the tokens held plus those the window's earlier automatic freezes took
 * (so a late activity that fills a frozen day gives its token back). The
 * result depends only on the set of days, not on delivery order. One limit:
 * tokens are per user, so when several freezable types compete for too few
 * tokens, which type gets one follows the order their gaps were seen (the
 * default rules make only daily_activity freezable).
 */

export interface WalkInput {
  base: StreakBase;
  days: readonly string[];
  shields: readonly string[];
  tokens: number;
  freezable: boolean;
  /** days before this are folded into the returned base */
  cutoff: string;
}

export interface WalkResult {
  base: StreakBase;
  /** window days (>= cutoff) covered by automatic freezes */
  frozen: string[];
  /** days covered by automatic freezes in this walk, before the cutoff included */
  frozenAll: string[];
  tokensLeft: number;
  current: number;
  runStart: string | null;
  longest: number;
  total: number;
  /** the last active day inside the walk, or null when none is after the base */
  lastDay: string | null;
}

export function walk(input: WalkInput): WalkResult {
  const { base, cutoff } = input;
  const active = new Set(input.days);
  const after = (d: string) => base.day === null || d > base.day;
  const covered = [...new Set([...input.days, ...input.shields])].filter(after).sort();
  let tokens = input.tokens;
  let { run, runStart, longest, total } = base;
  let prev = base.day;
  let lastDay: string | null = null;
  let folded: StreakBase | null = null;
  const frozenAll: string[] = [];

  for (const day of covered) {
    if (folded === null && day >= cutoff) folded = { day: prev, run, runStart, longest, total };
    if (prev !== null) {
      const gap = daysBetween(prev, day) - 1;
      if (gap > 0 && input.freezable && run > 0 && gap <= tokens) {
        tokens -= gap;
        for (let i = 1; i <= gap; i++) frozenAll.push(addDays(prev, i));
      } else if (gap > 0) {
        run = 0;
        runStart = null;
      }
    }
    if (active.has(day)) {
      run += 1;
      total += 1;
      runStart ??= day;
      lastDay = day;
    }
    longest = Math.max(longest, run);
    prev = day;
  }
  folded ??= { day: prev, run, runStart, longest, total };
  // Frozen days before the cutoff stay covered: the folded base reaches past them.
  const frozenBefore = frozenAll.filter((d) => d < cutoff);
  const lastFrozenBefore = frozenBefore[frozenBefore.length - 1];
  if (lastFrozenBefore !== undefined && (folded.day === null || lastFrozenBefore > folded.day)) {
    folded = { ...folded, day: lastFrozenBefore };
  }
  return {
    base: folded,
    frozen: frozenAll.filter((d) => d >= cutoff),
    frozenAll,
    tokensLeft: tokens,
    current: run,
    runStart,
    longest,
    total,
    lastDay,
  };
}
