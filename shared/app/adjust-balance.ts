import { adjust } from '../domain/adjust';
import type { Adjustment } from '../domain/types';
import { makeApplyOnce, type RecordResult } from './apply-once';
import type { AppDeps } from './deps';

/**
 * Grants or deducts XP and coins, once per event id, in the same ledger and
 * transaction shape as activities. A deduction below zero is refused
 * (RuleRefusedError insufficient_coins / insufficient_xp) and writes nothing.
 */
export function makeAdjustBalance(deps: AppDeps): (adjustment: Adjustment) => Promise<RecordResult> {
  const applyOnce = makeApplyOnce(deps);
  return (adjustment) =>
    applyOnce({
      userId: adjustment.userId,
      eventId: adjustment.eventId,
      decide: (profile, now) => adjust(deps.rules, profile, adjustment, now),
      sameRequest: ({ entry }) =>
        entry.kind === 'adjustment' &&
        entry.xp === adjustment.xp &&
        entry.coins === adjustment.coins &&
        entry.reason === adjustment.reason,
    });
}
