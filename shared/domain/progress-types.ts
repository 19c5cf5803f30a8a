/**
 * What streaks and achievements add to the domain's vocabulary: progress kept
 * on the profile, bonuses on a ledger entry, and the changes an outcome reports.
 * Re-exported by types.ts, the one place the domain's types are imported from.
 */

/**
 * Achievement state on the profile item: lifetime tallies the
 * criteria read, and what was earned. Plain data, about 1 KB for a full catalog.
 */
export interface AchievementProgress {
  /** activity type -> applied activities of that type, ever */
  counts: Record<string, number>;
  /** first_time_per_subject activity type -> distinct subjects (counted when the subject marker is written) */
  subjects: Record<string, number>;
  /** filtered "activity" criterion (see criterionKey) -> matching activities, ever */
  matches: Record<string, number>;
  /** achievement id -> times earned (tiers reached, for tiered) and when */
  earned: Record<string, EarnedTally>;
}

/**
 * [times, first, last] with instants in epoch seconds, `last` left out while
 * it equals `first`: about 30 bytes per earned achievement on the item.
 */
export type EarnedTally = [times: number, first: number, last?: number];

/** Part of a ledger entry's xp/coins that is a fixed reward rather than the multiplied award. */
export interface LedgerBonus {
  /** streak_milestone ids read "<streak type>:<days>", e.g. "daily_activity:7" */
  source: 'achievement' | 'streak_milestone' | (string & {});
  /** achievement id, with the tier or repeat: "storyteller#2" */
  id: string;
  xp: number;
  coins: number;
}

/** What one activity (or an explicit freeze) did to one streak type. */
export interface StreakChange {
  type: string;
  action: 'started' | 'maintained' | 'increased' | 'broken' | 'frozen';
  current: number;
  longest: number;
  /** current before this change */
  previous: number;
  previousLastDay: string | null;
  /** the user-local streak day the change counted for */
  day: string;
  totalDays: number;
  /** missed days a freeze token covered in this change */
  frozenDays: string[];
  freezesLeft: number;
  /** milestones reached in this change, paid through the entry's bonuses */
  milestones: { days: number; xp: number; coins: number }[];
}

/** One achievement unlock (or tier, or repeat) of an outcome, with its reward. */
export interface AchievementUnlock {
  id: string;
  name: string;
  xp: number;
  coins: number;
  /** the nth time earned: tier index (1 = bronze) for tiered, repeat count for repeatable, 1 otherwise */
  times: number;
  tier?: 'bronze' | 'silver' | 'gold' | 'platinum';
  category: string;
  rarity: 'common' | 'rare' | 'epic' | 'legendary';
}
