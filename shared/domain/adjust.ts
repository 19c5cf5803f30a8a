import type { Rules } from '../rules/schema';
import { type FieldIssue, ValidationError } from './errors';
import { refuse } from './refusal';
import { settle } from './settle';
import type { Adjustment, Outcome, Profile } from './types';

function validate(rules: Rules, adjustment: Adjustment): void {
  const max = rules.limits.max_adjustment;
  const issues: FieldIssue[] = [];
  for (const field of ['xp', 'coins'] as const) {
    const value = adjustment[field];
    if (!Number.isSafeInteger(value)) issues.push({ field, message: 'must be a whole number' });
    else if (Math.abs(value) > max) issues.push({ field, message: `must be between -${max} and ${max}` });
  }
  if (issues.length === 0 && adjustment.xp === 0 && adjustment.coins === 0) {
    issues.push({ field: 'xp', message: 'xp or coins must be non-zero' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/**
 * An operator's signed grant or deduction. Never multiplied; never takes XP or
 * coins below zero (refused, nothing written). A deduction of XP can lower the
 * level and scene level: they always follow XP.
 */
export function adjust(rules: Rules, profile: Profile, adjustment: Adjustment, now: Date): Outcome {
  if (adjustment.userId !== profile.userId) {
    throw new Error(`adjustment for ${adjustment.userId} applied to the profile of ${profile.userId}`);
  }
  validate(rules, adjustment);
  if (profile.coins + adjustment.coins < 0) {
    return refuse(
      adjustment,
      'insufficient_coins',
      `cannot deduct ${-adjustment.coins} coins: the balance is ${profile.coins}`,
    );
  }
  if (profile.xp + adjustment.xp < 0) {
    return refuse(
      adjustment,
      'insufficient_xp',
      `cannot deduct ${-adjustment.xp} XP: the total is ${profile.xp}`,
    );
  }
  return settle(
    rules,
    profile,
    {
      eventId: adjustment.eventId,
      entry: {
        kind: 'adjustment',
        reason: adjustment.reason,
        baseXp: adjustment.xp,
        baseCoins: adjustment.coins,
        multiplier: 1,
        xp: adjustment.xp,
        coins: adjustment.coins,
        occurredAt: now.toISOString(),
      },
    },
    now,
  );
}
