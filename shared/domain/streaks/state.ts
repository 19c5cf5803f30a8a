import type { StreakChange } from '../types';

/**
 * What the profile item stores per streak type. Small on purpose (item size is
 * write units): only the local days that a late activity can still change are
 * kept as lists; everything older is folded into `base`.
 */

export type StreakAction = 'started' | 'maintained' | 'increased' | 'broken' | 'frozen';

/** The streak history older than the acceptance window, folded. */
export interface StreakBase {
  /** the last day the folded history covers (active or frozen), or null */
  day: string | null;
  /** active days of the run that reaches `day` (0 when it was broken) */
  run: number;
  /** first active day of that run */
  runStart: string | null;
  longest: number;
  total: number;
}

export interface StreakState {
  /** active local days inside the window, ascending */
  days: string[];
  /** missed days inside the window that a freeze covered automatically (refunded if later filled) */
  frozen: string[];
  /** days covered by an explicit freeze (POST .../freeze); never refunded */
  shields: string[];
  base: StreakBase;
  /** derived from the lists above, stored for cheap reads */
  current: number;
  longest: number;
  lastDay: string | null;
  total: number;
  runStart: string | null;
  action: StreakAction;
  /** milestone day counts already paid in the current run */
  paid: number[];
}

/** Freeze tokens are held per user, shared by all freezable streak types. */
export interface FreezeWallet {
  held: number;
  /** user-local month ("2026-11") of the last VIP refill */
  refilledMonth?: string;
}

export const emptyBase: StreakBase = { day: null, run: 0, runStart: null, longest: 0, total: 0 };

export function emptyStreak(): StreakState {
  return {
    days: [],
    frozen: [],
    shields: [],
    base: { ...emptyBase },
    current: 0,
    longest: 0,
    lastDay: null,
    total: 0,
    runStart: null,
    action: 'started',
    paid: [],
  };
}

/** A streak change as the evaluator makes it: every detail set. */
export type StreakUpdate = Required<StreakChange>;
