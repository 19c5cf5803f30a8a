import type { Profile } from '../types';

/**
 * The one place achievements read streak state, which the streak evaluator
 * writes on the profile (it runs first). A type never kept reads as zero.
 */
export function streakLength(profile: Profile, type: string, measure: 'current' | 'longest'): number {
  const streaks = profile.streaks;
  const streak = streaks && Object.hasOwn(streaks, type) ? streaks[type] : undefined;
  return streak?.[measure] ?? 0;
}
