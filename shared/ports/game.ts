import type { UnlockStats } from '../domain/achievements/views';
import type { AppliedOutcome, DomainEvent, LedgerEntry, Profile } from '../domain/types';

/**
 * The game's ports: the ledger, profiles and once-markers the apply flow
 * depends on. Their siblings hold the shop's (shop.ts), the bus's
 * (events.ts), operations' (operations.ts), the leaderboards', realtime's
 * and scenes'. Adapters in shared/adapters implement them; tests may use the
 * real DynamoDB adapter against DynamoDB Local.
 */

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

/** A once-per-subject marker (or an item bought, a reward redeemed) was written by a concurrent request. */
export class MarkerTakenError extends Error {
  override readonly name = 'MarkerTakenError';
}
