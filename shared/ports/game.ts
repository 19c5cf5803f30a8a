import type { Envelope } from '../../events/envelope';
import type { BusinessMetricName } from '../business-metrics';
import type { UnlockStats } from '../domain/achievements/views';
import type { Monster } from '../domain/monster/monster';
import type { AppliedOutcome, DomainEvent, LedgerEntry, Profile } from '../domain/types';

/**
 * The interfaces the use cases (shared/app) depend on. Adapters in
 * shared/adapters implement them; tests may use the real DynamoDB adapter
 * against DynamoDB Local.
 */

/**
 * Counters for operators (CloudWatch metrics on AWS). Counting is
 * fire-and-forget: it never throws and never slows a request by a round trip.
 */
export interface BusinessMetrics {
  /** adds `value` (default 1) to the counter, optionally by the rules' refusal code */
  count(name: BusinessMetricName, value?: number, reason?: string): void;
}

/** What operators read in the logs, by level (Powertools' logger is one as it is). */
export interface OperationsLog {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export interface Clock {
  now(): Date;
}

/**
 * What the apply flow reads before deciding, in one round trip. Whether the
 * event id was applied already is NOT read up front: the outcome's
 * transaction finds out (see saveOutcome), and only a refusal asks
 * (findAppliedOutcome), so the common case reads one item.
 */
export interface ActivityState {
  /** null when the user has never been stored */
  profile: Profile | null;
  /** a once-per-subject marker exists for the requested subject (false when none was asked for) */
  subjectAlreadyDone: boolean;
}

export interface SubjectKey {
  activityType: string;
  subjectId: string;
}

export interface LedgerPage {
  entries: LedgerEntry[];
  /** opaque; pass back as `cursor` for the next (older) page; null at the end */
  nextCursor: string | null;
}

export interface ProfileChange {
  profile: Profile;
  /** the request's id: the outbox item's key and the events' correlation id */
  eventId: string;
  events: readonly DomainEvent[];
}

/** Profile fields an operator may change. */
export interface ProfileSettings {
  vipTier?: Profile['vipTier'];
  timeZone?: string;
  /** null clears the name */
  displayName?: string | null;
  leaderboardVisible?: boolean;
}

export interface GameStore {
  /**
   * One consistent read: the profile alone, or the profile and the subject's
   * once-per-subject marker when `subject` is given.
   */
  loadActivityState(userId: string, subject?: SubjectKey): Promise<ActivityState>;

  /**
   * The outcome first recorded for this event id, or null when it was never
   * applied. One consistent read; the apply flow asks only when the rules
   * refuse, so that a replay of an applied event answers with its outcome
   * even if the rules would refuse it now.
   */
  findAppliedOutcome(userId: string, eventId: string): Promise<AppliedOutcome | null>;

  /**
   * Writes an applied outcome in ONE transaction: the event item (ledger
   * entry, replay answer and outbox in one; guarded: never applied before),
   * the profile (guarded by the version it was read at,
   * `outcome.profile.version`) and a marker per once-per-subject award.
   * An achievement is unlocked once because the profile, which records every
   * unlock, is written only at the version the outcome was decided on.
   * Throws EventAlreadyAppliedError (carrying the first outcome, read back
   * from the cancelled transaction), MarkerTakenError or StaleProfileError.
   * Returns the profile as stored (version bumped).
   */
  saveOutcome(outcome: AppliedOutcome): Promise<Profile>;

  getProfile(userId: string): Promise<Profile | null>;

  /** Creates or updates the profile's settings, guarded by its version. */
  saveProfile(profile: Profile): Promise<Profile>;

  /**
   * A profile change that moves no XP or coins but has events to publish (an
   * explicit streak freeze): the profile, guarded by its version, and an
   * outbox item (OUTBOX#<eventId>) with the events, in ONE transaction, so
   * the events are published if and only if the change commits. Throws
   * StaleProfileError. Returns the profile as stored.
   */
  saveProfileChange(change: ProfileChange): Promise<Profile>;

  /** Newest first. Throws ValidationError for a cursor that is not this user's. */
  listLedger(userId: string, page: { limit: number; cursor?: string }): Promise<LedgerPage>;
}

/**
 * How many users have a profile and how many unlocked each achievement (and
 * tier): the rarity % of GET /v1/achievements. Counted from the table's
 * stream, outside the activity's transaction, so no activity waits on a
 * counter every user shares; the counts trail the unlocks by seconds.
 */
export interface UnlockStatsStore {
  readUnlockStats(): Promise<UnlockStats>;
  /**
   * Adds signed counts. Calls with the same `batchId` within ten minutes add
   * once (a retried stream batch), so a batch is never counted twice.
   */
  addUnlockStats(delta: UnlockStats, batchId: string): Promise<void>;
}

/** The profile changed since it was read: reload and apply again. */
export class StaleProfileError extends Error {
  override readonly name = 'StaleProfileError';
}

/**
 * The event id was applied already; `existing` is its first outcome (null only
 * if DynamoDB did not hand the stored item back: read it with findAppliedOutcome).
 */
export class EventAlreadyAppliedError extends Error {
  override readonly name = 'EventAlreadyAppliedError';
  constructor(readonly existing: AppliedOutcome | null) {
    super('event already applied');
  }
}

/** What a purchase decides on: the profile, the items owned, and (for a redemption) the user's count of that reward. */
export interface PurchaseState extends ActivityState {
  owned: Set<string>;
  redeemedCount: number;
}

export interface Redemption {
  /** the redemption's event id (the idempotency key) */
  id: string;
  rewardId: string;
  costCoins: number;
  status: 'pending' | 'fulfilled' | 'cancelled';
  redeemedAt: string;
}

export interface RedemptionPage {
  redemptions: Redemption[];
  nextCursor: string | null;
}

/** Shop and reward reads; purchases are written by GameStore.saveOutcome with the outcome. */
export interface ShopStore {
  /** Consistent reads of the profile, the owned items and the user's count of `rewardId`. */
  loadPurchaseState(userId: string, rewardId?: string): Promise<PurchaseState>;
  listOwnedItems(userId: string): Promise<Set<string>>;
  /** Newest first. Throws ValidationError for a cursor that is not this user's. */
  listRedemptions(userId: string, page: { limit: number; cursor?: string }): Promise<RedemptionPage>;
  /** reward id -> how many times this user redeemed it */
  listRedeemedCounts(userId: string): Promise<Map<string, number>>;
  /** reward id -> redeemed by everyone, for the rewards that have a counter */
  readRedeemedTotals(rewardIds: readonly string[]): Promise<Map<string, number>>;
}

/** Reads a profile (consistently), and nothing else. */
export interface ProfileReader {
  getProfile(userId: string): Promise<Profile | null>;
}

export interface MonsterStore {
  /** null while the user has never changed their monster (the default one stands) */
  getMonster(userId: string): Promise<Monster | null>;
  /**
   * Creates or replaces the monster, guarded by the version it was read at
   * (`monster.version`, 0 = never stored). Throws StaleProfileError when it
   * changed since. Returns the monster as stored (version bumped).
   */
  saveMonster(userId: string, monster: Monster): Promise<Monster>;
}

/**
 * The per-user request limits of the rules (rules.shop.rate_limits): counted
 * in the table, so every Lambda instance sees the same count.
 */
export type RateLimitBucket = 'shop' | 'customization';

export interface RateLimiter {
  /**
   * Counts one request of the user in the bucket's current one-minute window;
   * throws RateLimitedError (retryAfterSeconds = until the window ends) once
   * `limitPerMinute` requests were counted in it.
   */
  hit(userId: string, bucket: RateLimitBucket, limitPerMinute: number): Promise<void>;
}

/** Costly actions a user may take once per period (a scene request: seed 000 s8). */
export type CooldownBucket = 'scenes';

export interface Cooldown {
  /**
   * Takes the user's one action in the bucket per `seconds`: throws
   * RateLimitedError (with the seconds left) while the last is younger.
   */
  claim(userId: string, bucket: CooldownBucket, now: Date, seconds: number): Promise<void>;
}

/**
 * Publishes outcome events (each in its `{ metadata, data }` envelope) to the
 * bus as source `questline`. Resolves once every one was accepted; throws
 * when some still failed after retries (the caller's batch is retried, and
 * consumers drop repeats by `metadata.id`).
 */
export interface EventPublisher {
  publish(envelopes: readonly Envelope[]): Promise<void>;
}

/**
 * One stored outcome's events for the bus, decoded from a stream record (or
 * a read item): the outbox publisher works on these, not on stream records.
 */
export interface OutboxRecord {
  /** where it sits: the stream's sequence number, or its place in a list read from the table */
  position: string;
  /** its table key, for logs and operators: `USER#ada EVENT#lesson-1` */
  key: string;
  envelopes: Envelope[];
  /** events that broke their contract: published never, reported always */
  rejected: { id: string; type: string; problem: string }[];
}

/** One outcome by its user and event id: its event item, or a profile change's outbox item. */
export interface OutcomeRef {
  userId: string;
  eventId: string;
}

/** A stored outcome's events, with the instant it was recorded at (its ledger instant). */
export interface StoredOutboxRecord extends OutboxRecord {
  recordedAt: string;
}

/** The outcomes stored in the table, read back for their events (the outbox's republishing). */
export interface StoredOutcomes {
  /** each named outcome that exists, and those that do not */
  named(refs: readonly OutcomeRef[]): Promise<{ records: StoredOutboxRecord[]; missing: OutcomeRef[] }>;
  /** every outcome recorded in [since, until] (ISO instants) */
  recordedBetween(since: string, until: string): Promise<StoredOutboxRecord[]>;
}

/** Some entries were still refused after every attempt; every other entry was published. */
export class PublishFailedError extends Error {
  override readonly name = 'PublishFailedError';
  constructor(readonly failures: { id: string; code: string; message: string }[]) {
    super(`${failures.length} events not published: ${failures.map((f) => `${f.id} ${f.code}`).join(', ')}`);
  }
}

/** A limited reward's stock ran out (the stock counter's condition failed): nothing was written. */
export class OutOfStockError extends Error {
  override readonly name = 'OutOfStockError';
}

/** A once-per-subject marker (or an item bought, a reward redeemed) was written by a concurrent request. */
export class MarkerTakenError extends Error {
  override readonly name = 'MarkerTakenError';
}
