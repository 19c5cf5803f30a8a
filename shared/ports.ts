import type { AppliedOutcome, LedgerEntry, Profile } from './domain/types';

/**
 * The interfaces the use cases (shared/app) depend on. Adapters in
 * shared/adapters implement them; tests may use the real DynamoDB adapter
 * against DynamoDB Local.
 */

export interface Clock {
  now(): Date;
}

/** Everything the apply flow needs, read in one round trip. */
export interface ActivityState {
  /** null when the user has never been stored */
  profile: Profile | null;
  /** the outcome first recorded for this event id, if any (a replay) */
  applied: AppliedOutcome | null;
  /** a once-per-subject marker exists for the requested subject */
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

/** Profile fields an operator may change. */
export interface ProfileSettings {
  vipTier?: Profile['vipTier'];
  timeZone?: string;
}

export interface GameStore {
  /** One consistent read: the profile, the event's stored outcome, the subject marker. */
  loadActivityState(userId: string, eventId: string, subject?: SubjectKey): Promise<ActivityState>;

  /**
   * Writes an applied outcome in ONE transaction: ledger entry, event record
   * (guarded: never applied before; doubles as the outbox), profile (guarded by
   * the version it was read at, `outcome.profile.version`), markers.
   * Throws StaleProfileError, EventAlreadyAppliedError or MarkerTakenError.
   * Returns the profile as stored (version bumped).
   */
  saveOutcome(outcome: AppliedOutcome): Promise<Profile>;

  getProfile(userId: string): Promise<Profile | null>;

  /** Creates or updates the profile's settings, guarded by its version. */
  saveProfile(profile: Profile): Promise<Profile>;

  /** Newest first. Throws ValidationError for a cursor that is not this user's. */
  listLedger(userId: string, page: { limit: number; cursor?: string }): Promise<LedgerPage>;
}

/** The profile changed since it was read: reload and apply again. */
export class StaleProfileError extends Error {
  override readonly name = 'StaleProfileError';
}

/** The event id was applied already; `existing` is its first outcome. */
export class EventAlreadyAppliedError extends Error {
  override readonly name = 'EventAlreadyAppliedError';
  constructor(readonly existing: AppliedOutcome | null) {
    super('event already applied');
  }
}

/** A once-per-subject marker was written by a concurrent request. */
export class MarkerTakenError extends Error {
  override readonly name = 'MarkerTakenError';
}
