import type { Rules } from '../../rules/schema';
import { daysBetween } from './local-day';
import type { StreakState } from './state';

/**
 * The streak factor for an award counted on `day`: the last step whose
 * from_days the multiplier streak type's current length reaches. A streak whose
 * last active day is neither `day` nor the day before is already broken.
 */
export function streakFactor(
  rules: Rules,
  streaks: Record<string, StreakState> | undefined,
  day: string,
): number {
  const config = rules.streaks?.multiplier;
  const state = config ? streaks?.[config.streak_type] : undefined;
  if (!config || !state || state.lastDay === null || daysBetween(state.lastDay, day) > 1) return 1;
  let factor = 1;
  for (const step of config.steps) {
    if (state.current >= step.from_days) factor = step.factor;
  }
  return factor;
}
