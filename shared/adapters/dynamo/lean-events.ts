import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod';
import { contractFor } from '../../../events/catalog';
import type { AchievementUnlock, DomainEvent, LedgerEntry, StreakChange } from '../../domain/types';

/**
 * The outbox copy of an outcome's events, without what the rest of the event
 * item already says: the user and event id (every contract), the entry's
 * amounts and totals (points.awarded), the streak change (streak.updated) and
 * the unlock (achievement.unlocked, badge.earned) the event reports. A field
 * is left out only when it equals what the item says, and put back on read;
 * an event whose lean form would not come back exactly is stored whole. So
 * the published data is the data the domain made, while the common-case item
 * stays under 1 KB (2 write units).
 */

/** [detail type, contract version at write time, data, 1 when the data is stored whole] */
export const storedEventsSchema = z.array(
  z.tuple([z.string().min(1), z.number().int().min(1), z.record(z.string(), z.unknown())], z.literal(1)),
);

export type StoredEvents = z.output<typeof storedEventsSchema>;

/** What the event item holds besides its events, which the events repeat. */
export interface EventContext {
  entry: LedgerEntry;
  /** the level after the outcome */
  level: number;
  streaks: readonly StreakChange[];
  unlocks: readonly AchievementUnlock[];
}

type Data = Record<string, unknown>;

/** The unlock an achievement event reports: named by its data, else the `nth` unlock (events follow unlock order). */
function unlockFor(ctx: EventContext, id: unknown, times: unknown, nth: number) {
  if (id === undefined) return ctx.unlocks[nth];
  return ctx.unlocks.find((u) => u.id === id && (u.times ?? 1) === times);
}

function addUnlockFields(into: Data, u: AchievementUnlock | undefined, idField: string): Data {
  if (!u) return into;
  into[idField] = u.id;
  into.times_earned = u.times ?? 1;
  into.name = u.name;
  into.category = u.category;
  into.rarity = u.rarity;
  if (u.tier !== undefined) into.tier = u.tier;
  return into;
}

/** The streak change a streak.updated reports: named by its data, else the `nth` published one. */
function streakFor(ctx: EventContext, type: unknown, nth: number) {
  if (type === undefined) return ctx.streaks.filter((c) => c.action !== 'maintained')[nth];
  return ctx.streaks.find((c) => c.type === type);
}

/**
 * The fields of an event that the context determines: `nth` is the event's
 * position among the outcome's events of its type, which names the streak
 * change or unlock it reports when its data does not. Built by assignment,
 * not spreads of optional parts: it runs twice per event on every activity.
 */
function derivable(type: string, data: Data, ctx: EventContext, nth: number): Data {
  const { entry } = ctx;
  const derived: Data = { user_id: entry.userId, event_id: entry.eventId };
  switch (type) {
    case 'points.awarded':
      derived.kind = entry.kind;
      if (entry.activityType !== undefined) derived.activity_type = entry.activityType;
      if (entry.subjectId !== undefined) derived.subject_id = entry.subjectId;
      derived.reason = entry.reason;
      derived.xp = entry.xp;
      derived.coins = entry.coins;
      derived.total_xp = entry.balance.xp;
      derived.total_coins = entry.balance.coins;
      derived.level = ctx.level;
      derived.multiplier = entry.multiplier;
      derived.occurred_at = entry.occurredAt;
      return derived;
    case 'streak.updated': {
      const c = streakFor(ctx, data.streak_type, nth);
      if (!c) return derived;
      derived.streak_type = c.type;
      derived.action = c.action;
      derived.current = c.current;
      derived.previous = c.previous;
      derived.longest = c.longest;
      derived.total_days = c.totalDays;
      derived.day = c.day;
      derived.freezes_left = c.freezesLeft;
      return derived;
    }
    case 'achievement.unlocked': {
      const u = unlockFor(ctx, data.achievement_id, data.times_earned, nth);
      addUnlockFields(derived, u, 'achievement_id');
      if (u) {
        derived.reward_xp = u.xp;
        derived.reward_coins = u.coins;
      }
      derived.unlocked_at = entry.recordedAt;
      return derived;
    }
    case 'badge.earned':
      addUnlockFields(derived, unlockFor(ctx, data.badge_id, data.times_earned, nth), 'badge_id');
      derived.earned_at = entry.recordedAt;
      return derived;
    default:
      return derived;
  }
}

/** Equal as stored: most fields are primitives, compared without the deep walk. */
const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && a !== null && isDeepStrictEqual(a, b));

function restore(type: string, lean: Data, ctx: EventContext, nth: number): Data {
  const derived = derivable(type, lean, ctx, nth);
  const restored: Data = {};
  for (const [name, value] of Object.entries(derived)) {
    if (value !== undefined && !Object.hasOwn(lean, name)) restored[name] = value;
  }
  return { ...restored, ...lean };
}

/** Each event's position among the events of its type. */
function positions(types: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return types.map((type) => {
    const nth = seen.get(type) ?? 0;
    seen.set(type, nth + 1);
    return nth;
  });
}

export function leanEvents(events: readonly DomainEvent[], ctx: EventContext): StoredEvents {
  const nths = positions(events.map((event) => event.detailType));
  return events.map((event, i) => {
    const type = event.detailType;
    const nth = nths[i] ?? 0;
    const derived = derivable(type, event.data, ctx, nth);
    const lean: Data = {};
    for (const name in event.data) {
      if (!Object.hasOwn(event.data, name)) continue;
      const value = event.data[name];
      if (!(Object.hasOwn(derived, name) && sameValue(derived[name], value))) lean[name] = value;
    }
    const exact = isDeepStrictEqual(restore(type, lean, ctx, nth), event.data);
    const version = contractFor(type).version;
    return exact ? [type, version, lean] : [type, version, event.data, 1];
  });
}

export function fullEvents(stored: StoredEvents, ctx: EventContext): DomainEvent[] {
  const nths = positions(stored.map(([type]) => type));
  return stored.map(([type, , data, whole], i) => ({
    detailType: type,
    data: whole === 1 ? data : restore(type, data, ctx, nths[i] ?? 0),
  }));
}
