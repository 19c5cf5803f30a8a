import * as z from 'zod';
import { contractFor } from '../../../events/catalog';
import { type Envelope, toEnvelope } from '../../../events/envelope';
import type { AppliedOutcome } from '../../domain/types';
import {
  entryAttributes,
  entryOf,
  jsonString,
  ledgerItemSchema,
  parseItem,
  storedProfileSchema,
  toProfile,
} from './items';
import { ledgerIndexKey } from './keys';

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
 * and `events` are JSON strings (see items.ts for why).
 */

const levelUpSchema = z.object({ level: z.number().int(), title: z.string() });
const milestoneSchema = z.object({
  scene_level: z.number().int(),
  xp: z.number().int(),
  description: z.string(),
});
const streakSchema = z.object({
  type: z.string(),
  action: z.enum(['started', 'maintained', 'increased', 'broken', 'frozen']),
  current: z.number().int(),
  longest: z.number().int(),
});
const achievementSchema = z.object({ id: z.string(), name: z.string(), xp: z.number(), coins: z.number() });
const markerSchema = z.object({
  kind: z.literal('once_per_subject'),
  activity_type: z.string(),
  subject_id: z.string(),
});

/** What a replay's answer needs beyond the entry. */
const storedOutcomeSchema = z.object({
  profile: storedProfileSchema.omit({ xp: true, coins: true, updated_at: true }),
  level_ups: z.array(levelUpSchema).optional(),
  milestones: z.array(milestoneSchema).optional(),
  streaks: z.array(streakSchema).optional(),
  achievements: z.array(achievementSchema).optional(),
  markers: z.array(markerSchema).optional(),
});

/** The outcome's events: detail type, contract version at write time, data. */
const storedEventsSchema = z.array(
  z.object({
    type: z.string().min(1),
    version: z.number().int().min(1),
    data: z.record(z.string(), z.unknown()),
  }),
);

export const eventRecordSchema = ledgerItemSchema.extend({
  outcome: jsonString(storedOutcomeSchema),
  events: jsonString(storedEventsSchema),
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
  if (outcome.levelUps.length > 0) stored.level_ups = outcome.levelUps;
  if (outcome.milestones.length > 0) {
    stored.milestones = outcome.milestones.map((m) => ({
      scene_level: m.sceneLevel,
      xp: m.xp,
      description: m.description,
    }));
  }
  if (outcome.streaks.length > 0) stored.streaks = outcome.streaks;
  if (outcome.achievements.length > 0) stored.achievements = outcome.achievements;
  if (outcome.markers.length > 0) {
    stored.markers = outcome.markers.map((m) => ({
      kind: m.kind,
      activity_type: m.activityType,
      subject_id: m.subjectId,
    }));
  }
  return {
    ...ledgerIndexKey(userId, entry.recordedAt, eventId),
    ...entryAttributes(entry),
    outcome: JSON.stringify(stored),
    events: JSON.stringify(
      outcome.events.map((event) => ({
        type: event.detailType,
        version: contractFor(event.detailType).version,
        data: event.data,
      })),
    ),
  };
}

/** The outcome first recorded for an event, rebuilt from its event record. */
export function outcomeFromEventRecord(item: Record<string, unknown>): AppliedOutcome {
  const record = parseItem(eventRecordSchema, item);
  const entry = entryOf(record);
  const { userId, eventId } = entry;
  return {
    status: 'applied',
    eventId,
    userId,
    entry,
    profile: toProfile(userId, {
      ...record.outcome.profile,
      xp: entry.balance.xp,
      coins: entry.balance.coins,
      updated_at: entry.recordedAt,
    }),
    levelUps: record.outcome.level_ups ?? [],
    milestones: (record.outcome.milestones ?? []).map((m) => ({
      sceneLevel: m.scene_level,
      xp: m.xp,
      description: m.description,
    })),
    streaks: record.outcome.streaks ?? [],
    achievements: record.outcome.achievements ?? [],
    markers: (record.outcome.markers ?? []).map((m) => ({
      kind: m.kind,
      activityType: m.activity_type,
      subjectId: m.subject_id,
    })),
    events: record.events.map((event) => ({ detailType: event.type, data: event.data })),
  };
}

/**
 * What the outbox publishes for an event record (a stream NEW_IMAGE, already
 * unmarshalled): each event in its `{ metadata, data }` envelope, with ids
 * derived from the event id and position, so publishing twice is detectable.
 */
export function outboxEnvelopes(item: Record<string, unknown>): Envelope[] {
  const record = parseItem(eventRecordSchema, item);
  const { userId, eventId, recordedAt } = entryOf(record);
  return record.events.map((event, index) =>
    toEnvelope(
      { detailType: event.type, data: event.data },
      { version: event.version, correlationId: eventId, userId, occurredAt: recordedAt, index },
    ),
  );
}
