import * as z from 'zod';
import { type Envelope, toEnvelope } from '../../../events/envelope';
import type { AppliedOutcome, LedgerEntry, Marker, Profile } from '../../domain/types';
import { appliedInputAttributes, appliedInputFields } from './applied-activity';
import {
  entryAttributes,
  entryOf,
  ledgerItemSchema,
  parseItem,
  storedProfileSchema,
  toProfile,
} from './items';
import { jsonString } from './json-attribute';
import { ledgerIndexKey, UNLOCKS_ATTRIBUTE } from './keys';
import { type EventContext, fullEvents, leanEvents, storedEventsSchema } from './lean-events';
import {
  storedStreaksSchema,
  storedUnlocksSchema,
  storeStreakChange,
  storeUnlock,
  streakChangeOf,
  unlockOf,
} from './stored-changes';

/**
 * EVENT#<eventId>: the one item an applied event adds, written in the
 * outcome's transaction with a create-only condition. It is
 * - the ledger entry (top-level attributes, with the time-ordered `ledger_sk`
 *   of the ledger index, which projects just those: see table-definition.ts);
 * - the "applied once" guard: a replay's put fails and DynamoDB hands back
 *   this item (ALL_OLD), from which the first outcome is rebuilt;
 * - the transactional outbox: the stream consumer publishes
 *   `outboxEnvelopes(item)` for each INSERT of an EVENT# item.
 *
 * It must stay under 1 KB (2 write units in a transaction), so nothing
 * derivable is stored twice: the envelope metadata is rebuilt from the keys
 * (deterministically, so a retried publish has the same ids), the profile's
 * totals are the entry's balance, and the cap counters, which a replay's
 * answer never needs, are left out. Empty lists are left out too. `outcome`
 * and `events` are JSON strings (see items.ts for why); streak changes and
 * unlocks are tuples (stored-changes.ts) and events lean (lean-events.ts).
 */

const levelUpSchema = z.object({ level: z.number().int(), title: z.string() });
const milestoneSchema = z.object({
  scene_level: z.number().int(),
  xp: z.number().int(),
  description: z.string(),
});
const markerSchema = z.object({
  kind: z.literal('once_per_subject'),
  activity_type: z.string(),
  subject_id: z.string(),
});

/** What a replay's answer needs beyond the entry. */
const storedOutcomeSchema = z.object({
  profile: storedProfileSchema.omit({ xp: true, coins: true, updated_at: true }).extend({
    /** left out while unset, as on the profile item */
    display_name: z.string().min(1).optional(),
    leaderboard_visible: z.boolean().optional(),
  }),
  level_ups: z.array(levelUpSchema).optional(),
  milestones: z.array(milestoneSchema).optional(),
  streaks: storedStreaksSchema.optional(),
  achievements: storedUnlocksSchema.optional(),
  /** 1: the one once-per-subject marker of the entry's own activity type and subject */
  markers: z.union([z.literal(1), z.array(markerSchema)]).optional(),
});

export const eventRecordSchema = ledgerItemSchema.extend({
  outcome: jsonString(storedOutcomeSchema),
  events: jsonString(storedEventsSchema),
  /**
   * How many achievement unlocks the outcome has, only when it has any: the
   * stream filter of CountUnlocks, so only those event items invoke it.
   */
  [UNLOCKS_ATTRIBUTE]: z.number().int().min(1).optional(),
  /** the rules version the outcome was decided under; on the item, not in the ledger index */
  rules_version: z.string().min(1).optional(),
  ...appliedInputFields,
});

export type EventRecord = z.output<typeof eventRecordSchema>;
type StoredOutcome = z.output<typeof storedOutcomeSchema>;

export function eventRecordItem(outcome: AppliedOutcome): z.input<typeof eventRecordSchema> {
  const { entry, profile, userId, eventId } = outcome;
  const stored: StoredOutcome = {
    profile: {
      level: profile.level,
      scene_level: profile.sceneLevel,
      vip_tier: profile.vipTier,
      time_zone: profile.timeZone,
      version: profile.version,
      created_at: profile.createdAt,
    },
  };
  if (profile.displayName !== undefined) stored.profile.display_name = profile.displayName;
  if (profile.leaderboardVisible !== undefined)
    stored.profile.leaderboard_visible = profile.leaderboardVisible;
  if (outcome.levelUps.length > 0) stored.level_ups = outcome.levelUps;
  if (outcome.milestones.length > 0) {
    stored.milestones = outcome.milestones.map((m) => ({
      scene_level: m.sceneLevel,
      xp: m.xp,
      description: m.description,
    }));
  }
  if (outcome.streaks.length > 0) stored.streaks = outcome.streaks.map(storeStreakChange);
  if (outcome.achievements.length > 0) stored.achievements = outcome.achievements.map(storeUnlock);
  if (isEntrySubjectMarker(outcome.markers, entry)) {
    stored.markers = 1;
  } else if (outcome.markers.length > 0) {
    stored.markers = outcome.markers.map((m) => ({
      kind: m.kind,
      activity_type: m.activityType,
      subject_id: m.subjectId,
    }));
  }
  return {
    ...ledgerIndexKey(userId, entry.recordedAt, eventId),
    ...entryAttributes(entry),
    ...(outcome.achievements.length > 0 && { [UNLOCKS_ATTRIBUTE]: outcome.achievements.length }),
    ...(entry.rulesVersion !== undefined && { rules_version: entry.rulesVersion }),
    ...appliedInputAttributes(outcome.activity),
    outcome: JSON.stringify(stored),
    events: JSON.stringify(
      leanEvents(outcome.events, {
        entry,
        level: profile.level,
        streaks: outcome.streaks,
        unlocks: outcome.achievements,
      }),
    ),
  };
}

/** The outcome first recorded for an event, rebuilt from its event record. */
export function outcomeFromEventRecord(item: Record<string, unknown>): AppliedOutcome {
  const record = parseItem(eventRecordSchema, item);
  const entry = entryOf(record);
  if (record.rules_version !== undefined) entry.rulesVersion = record.rules_version;
  const { userId, eventId } = entry;
  const context = contextOf(record, entry);
  return {
    status: 'applied',
    eventId,
    userId,
    entry,
    profile: replayProfile(record, entry),
    levelUps: record.outcome.level_ups ?? [],
    milestones: (record.outcome.milestones ?? []).map((m) => ({
      sceneLevel: m.scene_level,
      xp: m.xp,
      description: m.description,
    })),
    streaks: [...context.streaks],
    achievements: [...context.unlocks],
    markers: markersOf(record.outcome.markers, entry),
    events: fullEvents(record.events, context),
  };
}

/** The profile as the outcome left it, without the state a replay's answer never shows. */
function replayProfile(record: EventRecord, entry: LedgerEntry): Profile {
  const { display_name, leaderboard_visible, ...fields } = record.outcome.profile;
  const profile = toProfile(entry.userId, {
    ...fields,
    xp: entry.balance.xp,
    coins: entry.balance.coins,
    updated_at: entry.recordedAt,
  });
  if (display_name !== undefined) profile.displayName = display_name;
  if (leaderboard_visible !== undefined) profile.leaderboardVisible = leaderboard_visible;
  return profile;
}

/** The common case (first_time_per_subject) repeats the entry: stored as 1, not as its three fields. */
function isEntrySubjectMarker(markers: readonly Marker[], entry: LedgerEntry): boolean {
  const [marker] = markers;
  return (
    markers.length === 1 &&
    marker !== undefined &&
    marker.activityType === entry.activityType &&
    marker.subjectId === entry.subjectId
  );
}

function markersOf(stored: StoredOutcome['markers'], entry: LedgerEntry): Marker[] {
  if (stored === 1) {
    if (entry.activityType === undefined || entry.subjectId === undefined) {
      throw new Error('a subject marker on an entry without an activity type and subject');
    }
    return [{ kind: 'once_per_subject', activityType: entry.activityType, subjectId: entry.subjectId }];
  }
  return (stored ?? []).map((m) => ({
    kind: m.kind,
    activityType: m.activity_type,
    subjectId: m.subject_id,
  }));
}

/** What the record says besides its events: what their lean copies are restored from. */
function contextOf(record: EventRecord, entry: LedgerEntry): EventContext {
  return {
    entry,
    level: record.outcome.profile.level,
    streaks: (record.outcome.streaks ?? []).map(streakChangeOf),
    unlocks: (record.outcome.achievements ?? []).map(unlockOf),
  };
}

/**
 * What the outbox publishes for an event record (a stream NEW_IMAGE, already
 * unmarshalled): each event in its `{ metadata, data }` envelope, with ids
 * derived from the event id and position, so publishing twice is detectable.
 */
export function outboxEnvelopes(item: Record<string, unknown>): Envelope[] {
  const record = parseItem(eventRecordSchema, item);
  const entry = entryOf(record);
  const { userId, eventId, recordedAt } = entry;
  const events = fullEvents(record.events, contextOf(record, entry));
  return events.map((event, index) =>
    toEnvelope(event, {
      version: record.events[index]?.[1] ?? 1,
      correlationId: eventId,
      userId,
      occurredAt: recordedAt,
      index,
    }),
  );
}

const unlocksOnlySchema = z.object({
  outcome: jsonString(z.object({ achievements: storedUnlocksSchema.optional() })),
});

/**
 * The achievement unlocks an event record carries (a stream NEW_IMAGE,
 * unmarshalled): the record of an unlock, as the profile written with it is
 * the guard that it happens once. Only the outcome's unlocks are read.
 */
export function unlocksOfEventRecord(item: Record<string, unknown>): { id: string; times: number }[] {
  const { outcome } = parseItem(unlocksOnlySchema, item);
  return (outcome.achievements ?? []).map(([id, , , , times]) => ({ id, times }));
}
