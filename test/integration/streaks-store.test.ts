import { describe, expect, it } from 'vitest';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { apply } from '../../shared/domain/apply';
import { newProfile } from '../../shared/domain/profile';
import type { Activity, Profile } from '../../shared/domain/types';
import { createTestStore } from '../support/dynamodb';
import { depsFor, flatRules, uniqueId } from '../support/game-fixtures';

/** Days of a UTC user, counted back from today so every activity is inside the acceptance window. */
const DAY_MS = 86_400_000;
const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
const at = (dayOffset: number, hour: number) => new Date(today + dayOffset * DAY_MS + hour * 3_600_000);

/**
 * [arrives at, happened at]: day -2 is missed (a freeze covers it), then a
 * late event for day -2 arrives on day -1 and fills it (the freeze comes back).
 */
const schedule = [
  [at(-3, 9), at(-3, 9)],
  [at(-1, 9), at(-1, 9)],
  [at(-1, 10), at(-2, 20)],
  [at(0, 9), at(0, 9)],
] as const;

describe('streaks through the store', () => {
  it('keeps a streak across days, a late event filling a missed day, and reads it back exactly', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    let now = new Date(0);
    const record = makeRecordActivity(depsFor(store, { clock: { now: () => now } }));
    const activities: Activity[] = schedule.map(([, happened]) => ({
      eventId: uniqueId('evt'),
      userId,
      type: 'quiz_completed',
      occurredAt: happened.toISOString(),
    }));

    const results = [];
    for (const [i, [arrives]] of schedule.entries()) {
      now = arrives;
      results.push(await record(activities[i] as Activity));
    }
    const stored = await store.getProfile(userId);
    // The same activities applied in memory, each on the profile the one before left.
    let expected: Profile = newProfile(userId, at(-3, 9));
    for (const [i, [arrives]] of schedule.entries()) {
      const outcome = apply(flatRules, expected, activities[i] as Activity, arrives);
      if (outcome.status !== 'applied') throw new Error(outcome.reason);
      expected = outcome.profile;
    }

    const daily = stored?.streaks?.daily_activity;
    const changes = results.map((r) => r.outcome.streaks.find((c) => c.type === 'daily_activity'));
    expect(changes.map((c) => c?.current)).toEqual([1, 2, 3, 4]);
    expect(changes[1]?.frozenDays).toEqual([at(-2, 0).toISOString().slice(0, 10)]);
    expect(daily).toMatchObject({ current: 4, longest: 4, frozen: [] });
    expect(daily?.days).toEqual(expect.arrayContaining([at(-2, 0).toISOString().slice(0, 10)]));
    expect(stored?.streaks).toEqual(expected.streaks);
    expect(stored?.streakFreezes).toEqual(expected.streakFreezes);
    expect(stored?.achievements).toEqual(expected.achievements);
  });

  it('answers a replay of the late event with the streak change as first recorded, in every detail', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    let now = new Date(0);
    const record = makeRecordActivity(depsFor(store, { clock: { now: () => now } }));
    const send = (arrives: Date, happened: Date, eventId = uniqueId('evt')) => {
      now = arrives;
      return record({ eventId, userId, type: 'quiz_completed', occurredAt: happened.toISOString() });
    };
    await send(at(-3, 9), at(-3, 9));
    await send(at(-1, 9), at(-1, 9));
    const late = await send(at(-1, 10), at(-2, 20));

    const replay = await send(at(0, 1), at(-2, 20), late.outcome.eventId);

    expect(replay.duplicate).toBe(true);
    expect(late.outcome.streaks.length).toBeGreaterThan(0);
    expect(late.outcome.streaks.every((c) => c.day !== undefined && c.previous !== undefined)).toBe(true);
    expect(replay.outcome.streaks).toEqual(late.outcome.streaks);
    expect(replay.outcome.events).toEqual(late.outcome.events);
  });
});
