import * as z from 'zod';
import type { LedgerEntry, Profile } from '../../domain/types';
import { countersAttribute, countersField } from './counters-codec';
import { eventIdOf, type ItemKey, parseLedgerSk, userIdOf } from './keys';
import {
  bonusesAttribute,
  bonusesField,
  profileStateAttributes,
  profileStateFields,
  profileStateOf,
} from './profile-state';

/**
 * How domain values are stored, and the zod schemas every item is parsed with
 * on read: a corrupt item is a CorruptItemError, never a half-filled object.
 * Attribute names are snake_case and items stay small, because item size is
 * write units (under 1 KB: 2 units in a transaction).
 *
 * Scalars the table may be queried or conditioned on are attributes of their
 * own; nested state nobody queries (cap counters, a stored outcome) is one
 * JSON string. Measured on DynamoDB Local, a nested map costs about as much
 * per write as a whole extra item, while a string costs next to nothing.
 */

export class CorruptItemError extends Error {
  override readonly name = 'CorruptItemError';
  constructor(key: Partial<ItemKey>, cause: z.ZodError | Error) {
    super(`stored item ${key.pk ?? '?'} / ${key.sk ?? '?'} does not parse: ${cause.message}`, { cause });
  }
}

export function parseItem<T extends z.ZodType>(schema: T, item: Record<string, unknown>): z.output<T> {
  const result = schema.safeParse(item);
  if (!result.success) throw new CorruptItemError(item as Partial<ItemKey>, result.error);
  return result.data;
}

const count = z.number().int().min(0);
const instant = z.string().min(1);

/** The profile's fields; shared by the profile item and the outcome copy in an event record. */
const profileFields = {
  xp: count,
  coins: count,
  level: z.number().int().min(1),
  scene_level: count,
  vip_tier: z.enum(['none', 'standard', 'premium']),
  time_zone: z.string().min(1),
  version: z.number().int().min(0),
  created_at: instant,
  updated_at: instant,
};

export const profileItemSchema = z.object({
  pk: z.string(),
  sk: z.literal('PROFILE'),
  ...profileFields,
  version: z.number().int().min(1),
  counters: countersField,
  ...profileStateFields,
});

export type ProfileFields = Omit<z.input<typeof profileItemSchema>, 'pk' | 'sk'>;

export function profileAttributes(profile: Profile, version: number): ProfileFields {
  return {
    xp: profile.xp,
    coins: profile.coins,
    level: profile.level,
    scene_level: profile.sceneLevel,
    vip_tier: profile.vipTier,
    time_zone: profile.timeZone,
    version,
    created_at: profile.createdAt,
    updated_at: profile.updatedAt,
    counters: countersAttribute(profile.counters),
    ...profileStateAttributes(profile),
  };
}

export const storedProfileSchema = z.object(profileFields);

export function toProfile(
  userId: string,
  fields: z.infer<typeof storedProfileSchema>,
  counters: Profile['counters'] = {},
): Profile {
  return {
    userId,
    xp: fields.xp,
    coins: fields.coins,
    level: fields.level,
    sceneLevel: fields.scene_level,
    vipTier: fields.vip_tier,
    timeZone: fields.time_zone,
    version: fields.version,
    counters,
    createdAt: fields.created_at,
    updatedAt: fields.updated_at,
  };
}

export function profileFromItem(item: Record<string, unknown>): Profile {
  const parsed = parseItem(profileItemSchema, item);
  return { ...toProfile(userIdOf(parsed.pk), parsed, parsed.counters), ...profileStateOf(parsed) };
}

/** A ledger entry's fields; the user, event id and instant live in the keys. */
const entryFields = {
  kind: z.enum(['activity', 'adjustment', 'purchase']),
  activity_type: z.string().min(1).optional(),
  subject_id: z.string().min(1).optional(),
  reason: z.string(),
  base_xp: z.number().int(),
  base_coins: z.number().int(),
  multiplier: z.number().min(0),
  xp: z.number().int(),
  coins: z.number().int(),
  balance_xp: count,
  balance_coins: count,
  occurred_at: instant,
  bonuses: bonusesField,
};

export const storedEntrySchema = z.object(entryFields);
export type EntryFields = z.input<typeof storedEntrySchema>;
type ParsedEntryFields = z.output<typeof storedEntrySchema>;

/**
 * An applied event's item as the ledger index holds it: the keys and the
 * entry's fields (the index projects exactly these). The user is in `pk`; the
 * instant and the event id are in `ledger_sk`, which must name the same event
 * as `sk`.
 */
export const ledgerItemSchema = z.object({
  pk: z.string(),
  sk: z.string().startsWith('EVENT#'),
  ledger_sk: z.string().startsWith('TX#'),
  ...entryFields,
});

export function entryAttributes(entry: LedgerEntry): EntryFields {
  const fields: EntryFields = {
    kind: entry.kind,
    reason: entry.reason,
    base_xp: entry.baseXp,
    base_coins: entry.baseCoins,
    multiplier: entry.multiplier,
    xp: entry.xp,
    coins: entry.coins,
    balance_xp: entry.balance.xp,
    balance_coins: entry.balance.coins,
    occurred_at: entry.occurredAt,
  };
  if (entry.activityType !== undefined) fields.activity_type = entry.activityType;
  if (entry.subjectId !== undefined) fields.subject_id = entry.subjectId;
  const bonuses = bonusesAttribute(entry.bonuses);
  if (bonuses !== undefined) fields.bonuses = bonuses;
  return fields;
}

function toEntry(
  ids: { userId: string; eventId: string; recordedAt: string },
  f: ParsedEntryFields,
): LedgerEntry {
  const entry: LedgerEntry = {
    eventId: ids.eventId,
    userId: ids.userId,
    kind: f.kind,
    reason: f.reason,
    baseXp: f.base_xp,
    baseCoins: f.base_coins,
    multiplier: f.multiplier,
    xp: f.xp,
    coins: f.coins,
    balance: { xp: f.balance_xp, coins: f.balance_coins },
    occurredAt: f.occurred_at,
    recordedAt: ids.recordedAt,
  };
  if (f.activity_type !== undefined) entry.activityType = f.activity_type;
  if (f.subject_id !== undefined) entry.subjectId = f.subject_id;
  if (f.bonuses !== undefined) entry.bonuses = f.bonuses;
  return entry;
}

/** The ledger entry of an already parsed event item; keys that disagree make it corrupt. */
export function entryOf(parsed: z.output<typeof ledgerItemSchema>): LedgerEntry {
  try {
    const position = parseLedgerSk(parsed.ledger_sk);
    if (eventIdOf(parsed.sk) !== position.eventId) {
      throw new Error(`ledger_sk ${parsed.ledger_sk} names another event than ${parsed.sk}`);
    }
    return toEntry({ userId: userIdOf(parsed.pk), ...position }, parsed);
  } catch (error) {
    throw new CorruptItemError(parsed, error as Error);
  }
}

/** A ledger entry from a ledger index query result (or a whole event item). */
export function ledgerEntryFromItem(item: Record<string, unknown>): LedgerEntry {
  return entryOf(parseItem(ledgerItemSchema, item));
}
