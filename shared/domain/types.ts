/**
 * The domain's vocabulary (see DESIGN.md). Plain data only: no classes, no I/O.
 * Field names are camelCase here; the HTTP layer and the event contracts speak
 * snake_case and map at the edge.
 */

import type { AchievementProgress, AchievementUnlock, LedgerBonus, StreakChange } from './progress-types';
import type { FreezeWallet, StreakState } from './streaks/state';

export type {
  AchievementProgress,
  AchievementUnlock,
  EarnedTally,
  LedgerBonus,
  StreakChange,
} from './progress-types';
export type { FreezeWallet, StreakState } from './streaks/state';

export type VipTier = 'none' | 'standard' | 'premium';

/** Per-activity counters for caps and once-per-day; only recent windows are kept. */
export interface ActivityCounters {
  /** UTC hour ("2026-11-23T15") -> awards in that hour */
  hours: Record<string, number>;
  /** user-local date ("2026-11-23") -> awards on that day */
  days: Record<string, number>;
}

/** A user's stored game state: one item, guarded by `version`. */
export interface Profile {
  userId: string;
  /** lifetime XP, never spent */
  xp: number;
  /** spendable balance, never negative */
  coins: number;
  /** derived from xp by the level curve; stored for reads and leaderboards */
  level: number;
  /** derived from xp by the milestones (0..6) */
  sceneLevel: number;
  vipTier: VipTier;
  /** IANA time zone name; decides the user's local day */
  timeZone: string;
  /** 0 means "not stored yet"; the store bumps it on every write */
  version: number;
  /** keyed by activity type; only activities with caps or once_per_day appear */
  counters: Record<string, ActivityCounters>;
  /** what achievement criteria count, and what was earned; absent until the first activity */
  achievements?: AchievementProgress;
  /** keyed by streak type; absent until the first activity that counts for a streak */
  streaks?: Record<string, StreakState>;
  /** absent until first changed: the user then holds rules.streaks.freezes.initial */
  streakFreezes?: FreezeWallet;
  /** shown on public leaderboards; absent: none set */
  displayName?: string;
  /** false: the user opted out of public leaderboards; absent means visible */
  leaderboardVisible?: boolean;
  /** board id -> week or month period key -> score earned in that window (current and previous only) */
  boardTallies?: Record<string, Record<string, number>>;
  createdAt: string;
  updatedAt: string;
}

/** Something a user did, validated at the edge. */
export interface Activity {
  /** idempotency key: an activity with a given eventId is applied once, ever */
  eventId: string;
  userId: string;
  type: string;
  /** ISO 8601 instant; decides the local day and the cap windows */
  occurredAt: string;
  subjectId?: string;
  /** XP for activities with `variable` in the rules (e.g. `custom`) */
  amount?: number;
  metadata?: Record<string, unknown>;
}

/** An operator's grant or deduction, validated at the edge. Amounts are signed. */
export interface Adjustment {
  eventId: string;
  userId: string;
  xp: number;
  coins: number;
  reason: string;
}

export type LedgerKind = 'activity' | 'adjustment' | 'purchase';

/** The immutable record of one change of XP and coins, with its cause. */
export interface LedgerEntry {
  eventId: string;
  userId: string;
  /** purchase: coins spent in the shop (a streak freeze, later items and rewards) */
  kind: LedgerKind;
  /** activity type for activities; absent for adjustments and purchases */
  activityType?: string;
  subjectId?: string;
  /** human-readable cause: the activity's description or the adjustment's reason */
  reason: string;
  baseXp: number;
  baseCoins: number;
  /** product of the multipliers applied (1 for adjustments) */
  multiplier: number;
  /** signed change of XP */
  xp: number;
  /** signed change of coins */
  coins: number;
  /** rewards included in xp and coins (xp = multiplied award + the bonuses' xp) */
  bonuses?: LedgerBonus[];
  /** balances right after this entry */
  balance: { xp: number; coins: number };
  occurredAt: string;
  recordedAt: string;
  /** the rules version the outcome was decided under (shared/rules/version.ts); absent on entries from before versions */
  rulesVersion?: string;
}

export interface LevelUp {
  level: number;
  title: string;
}

export interface MilestoneReached {
  sceneLevel: number;
  xp: number;
  description: string;
}

/**
 * What a purchase adds to its outcome's transaction, beyond the ledger entry
 * and the profile: the store writes each item create-only, so nothing is
 * owned twice and nothing is half-bought.
 */
export interface PurchaseEffects {
  /** shop item codes the user owns from now on: ITEM#<code>, create-only */
  items: string[];
  /** a reward redemption: its record, the reward's stock and the user's count, each conditional */
  redemption?: RewardRedemption;
}

export interface RewardRedemption {
  rewardId: string;
  /** from the rules; absent: unlimited (no stock counter is written) */
  stock?: number;
  /** from the rules; absent: unlimited */
  perUserLimit?: number;
  costCoins: number;
}

/** A write the store must guard so a fact is recorded at most once. */
export type Marker = { kind: 'once_per_subject'; activityType: string; subjectId: string };

/** An event to publish, as the data of one of the contracts in events/. */
export interface DomainEvent {
  detailType: string;
  data: Record<string, unknown>;
}

export interface AppliedOutcome {
  status: 'applied';
  eventId: string;
  userId: string;
  entry: LedgerEntry;
  /** the profile after the outcome, with the version it was read at */
  profile: Profile;
  levelUps: LevelUp[];
  milestones: MilestoneReached[];
  streaks: StreakChange[];
  achievements: AchievementUnlock[];
  markers: Marker[];
  events: DomainEvent[];
  /** purchases only: items to own and a redemption to record, in the same transaction */
  purchase?: PurchaseEffects;
  /** the activity being applied (absent for adjustments and replays); evaluators read its metadata */
  activity?: Activity;
}

export type RefusalReason =
  | 'unknown_activity'
  | 'subject_required'
  | 'amount_required'
  | 'amount_not_allowed'
  | 'cap_reached'
  | 'already_done_today'
  | 'already_done_for_subject'
  | 'event_too_old'
  | 'event_in_future'
  | 'insufficient_coins'
  | 'insufficient_xp'
  | 'requirement_unmet'
  | 'already_owned'
  | 'per_user_limit_reached'
  | 'out_of_stock'
  | 'scene_level_locked'
  | 'nothing_to_backfill';

export interface RefusedOutcome {
  status: 'refused';
  eventId: string;
  userId: string;
  reason: RefusalReason;
  message: string;
}

export type Outcome = AppliedOutcome | RefusedOutcome;

/** Facts the domain needs that do not live on the profile item. */
export interface ApplyFacts {
  /** a once-per-subject marker already exists for (activity.type, activity.subjectId) */
  subjectAlreadyDone?: boolean;
}

/** What a client sees of a profile: stored state plus what the rules derive from it. */
export interface ProfileView {
  userId: string;
  xp: number;
  coins: number;
  level: number;
  title: string;
  xpToNextLevel: number;
  levelProgressPercent: number;
  sceneLevel: number;
  nextMilestone: { sceneLevel: number; xp: number; xpRemaining: number } | null;
  vipTier: VipTier;
  timeZone: string;
  displayName: string | null;
  leaderboardVisible: boolean;
  createdAt: string;
  updatedAt: string;
}
