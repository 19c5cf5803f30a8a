import type { Activity, Adjustment, VipTier } from '../types';

/**
 * A user's recorded history, in the order it was applied: what a replay
 * feeds the domain to see what other rules would have made of it. `at` is
 * when the step was applied (the `now` of that decision); `settings` the
 * user's VIP tier and time zone then, as its stored outcome recorded them
 * (absent: as at the step before).
 */
export type HistoryStep = { at: string; settings?: StepSettings } & (
  | { kind: 'activity'; activity: Activity }
  | { kind: 'adjustment'; adjustment: Adjustment }
  /** coins spent: what was bought is history, so its price is the one paid, not today's */
  | { kind: 'purchase'; eventId: string; reason: string; price: number; freeze: boolean }
  /** an explicit streak freeze spent on a day (no ledger entry; kept on its outbox item) */
  | { kind: 'freeze_use'; eventId: string; streakType: string }
);

export interface StepSettings {
  vipTier: VipTier;
  timeZone: string;
}

export interface UserHistory {
  userId: string;
  steps: HistoryStep[];
}

/** Steps in the order they were applied (a stable sort: steps of one instant keep their order). */
export function inAppliedOrder(steps: readonly HistoryStep[]): HistoryStep[] {
  return [...steps].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
