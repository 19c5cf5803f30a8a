import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { CorruptItemError } from '../../shared/adapters/dynamo/items';
import { apply } from '../../shared/domain/apply';
import { newProfile } from '../../shared/domain/profile';
import type { Activity, AppliedOutcome, Profile } from '../../shared/domain/types';
import { EventAlreadyAppliedError, MarkerTakenError, StaleProfileError } from '../../shared/ports/game';
import { createTestStore } from '../support/dynamodb';
import { activityFor, flatRules, scanAll, uniqueId } from '../support/game-fixtures';

function awarded(profile: Profile, activity: Activity, facts = {}): AppliedOutcome {
  const outcome = apply(flatRules, profile, activity, new Date(), facts);
  if (outcome.status !== 'applied') throw new Error(`expected an award, got ${outcome.reason}`);
  return outcome;
}

describe('DynamoGameStore', () => {
  it('loads nothing for a user it has never stored', async () => {
    const { store } = await createTestStore();

    const state = await store.loadActivityState('nobody', {
      activityType: 'lesson_complete',
      subjectId: 's',
    });

    expect(state).toEqual({ profile: null, subjectAlreadyDone: false });
    expect(await store.loadActivityState('nobody')).toEqual({ profile: null, subjectAlreadyDone: false });
    expect(await store.findAppliedOutcome('nobody', 'evt-1')).toBeNull();
  });

  it('saves an outcome and loads it back: the profile one version up, the outcome as the replay answer', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const outcome = awarded(newProfile(userId, new Date()), activityFor(userId, 'quiz_completed'));

    const saved = await store.saveOutcome(outcome);
    const state = await store.loadActivityState(userId);

    expect(saved).toEqual({ ...outcome.profile, version: 1 });
    expect(state).toEqual({ profile: saved, subjectAlreadyDone: false });
    expect(await store.getProfile(userId)).toEqual(saved);
    // The replay copy leaves out the cap counters, the streak, achievement and board tally state (a
    // replay's answer needs none of them) and the activity (never stored); see event-record.ts.
    const { activity: _activity, ...answer } = outcome;
    const {
      streaks: _streaks,
      streakFreezes: _freezes,
      achievements: _progress,
      boardTallies: _tallies,
      ...profile
    } = outcome.profile;
    expect(outcome.profile.boardTallies?.xp).toBeDefined();
    expect(outcome.streaks.length).toBeGreaterThan(0);
    expect(await store.findAppliedOutcome(userId, outcome.eventId)).toEqual({
      ...answer,
      profile: { ...profile, counters: {} },
    });
  });

  it('refuses a second outcome for an applied event id and hands back the first one', async () => {
    const { store, doc, tableName } = await createTestStore();
    const userId = uniqueId('user');
    const activity = activityFor(userId, 'quiz_completed');
    const first = awarded(newProfile(userId, new Date()), activity);
    const stored = await store.saveOutcome(first);
    const before = await scanAll(doc, tableName);

    const again = awarded(stored, activity);
    const error = await store.saveOutcome(again).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EventAlreadyAppliedError);
    // Handed back by the cancelled transaction itself, not read afterwards.
    expect((error as EventAlreadyAppliedError).existing).toEqual(
      await store.findAppliedOutcome(userId, activity.eventId),
    );
    expect((error as EventAlreadyAppliedError).existing?.entry).toEqual(first.entry);
    expect(await scanAll(doc, tableName)).toEqual(before);
  });

  it('refuses an outcome computed from a profile that has changed since (StaleProfileError), writing nothing', async () => {
    const { store, doc, tableName } = await createTestStore();
    const userId = uniqueId('user');
    const readAtZero = newProfile(userId, new Date());
    await store.saveOutcome(awarded(readAtZero, activityFor(userId, 'quiz_completed')));
    const before = await scanAll(doc, tableName);

    const stale = awarded(readAtZero, activityFor(userId, 'quiz_completed'));

    await expect(store.saveOutcome(stale)).rejects.toBeInstanceOf(StaleProfileError);
    expect(await scanAll(doc, tableName)).toEqual(before);
  });

  it('refuses a second first-time award for a subject (MarkerTakenError) and reports the marker on load', async () => {
    const { store, doc, tableName } = await createTestStore();
    const userId = uniqueId('user');
    const lesson = (eventId: string): Activity =>
      activityFor(userId, 'lesson_complete', { eventId, subjectId: 'l-1' });
    const stored = await store.saveOutcome(awarded(newProfile(userId, new Date()), lesson('evt-a')));
    const before = await scanAll(doc, tableName);

    // As if the marker had been read before the first award committed.
    const racing = awarded(stored, lesson('evt-b'), { subjectAlreadyDone: false });

    await expect(store.saveOutcome(racing)).rejects.toBeInstanceOf(MarkerTakenError);
    expect(await scanAll(doc, tableName)).toEqual(before);
    const state = await store.loadActivityState(userId, {
      activityType: 'lesson_complete',
      subjectId: 'l-1',
    });
    expect(state).toEqual({ profile: stored, subjectAlreadyDone: true });
  });

  it('creates a profile at version 1 with saveProfile, then guards every update by version', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');

    const created = await store.saveProfile({ ...newProfile(userId, new Date()), timeZone: 'Europe/Paris' });
    const updated = await store.saveProfile({ ...created, vipTier: 'premium' });

    expect(created.version).toBe(1);
    expect(await store.getProfile(userId)).toEqual(updated);
    expect(updated).toMatchObject({ version: 2, vipTier: 'premium', timeZone: 'Europe/Paris' });
    await expect(store.saveProfile({ ...created, vipTier: 'standard' })).rejects.toBeInstanceOf(
      StaleProfileError,
    );
    await expect(store.saveProfile(newProfile(userId, new Date()))).rejects.toBeInstanceOf(StaleProfileError);
  });

  it('stores the display name, the board opt-out and the board tallies, and reads them back', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const tallies = { xp: { '2026-W48': 40, '2026-W49': 0, '2026-11': 120 }, scenarios: { '2026-11': 2 } };

    const created = await store.saveProfile({
      ...newProfile(userId, new Date()),
      displayName: 'Ana María 🐉',
      leaderboardVisible: false,
      boardTallies: tallies,
    });
    const { displayName: _name, ...unnamed } = created;
    const updated = await store.saveProfile({ ...unnamed, leaderboardVisible: true });

    expect(created).toMatchObject({ displayName: 'Ana María 🐉', leaderboardVisible: false });
    expect(updated).toMatchObject({ version: 2, leaderboardVisible: true, boardTallies: tallies });
    expect(await store.getProfile(userId)).toEqual(updated);
    expect((await store.getProfile(userId))?.displayName).toBeUndefined();
  });

  it("answers a replay with the display settings the first outcome's profile had", async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const named = { ...newProfile(userId, new Date()), displayName: 'Ana', leaderboardVisible: false };
    const outcome = awarded(named, activityFor(userId, 'quiz_completed'));

    await store.saveOutcome(outcome);

    expect((await store.findAppliedOutcome(userId, outcome.eventId))?.profile).toMatchObject({
      displayName: 'Ana',
      leaderboardVisible: false,
    });
  });

  it('treats a stored profile that does not parse as an error, never as a half-filled profile', async () => {
    const { store, doc, tableName } = await createTestStore();
    await doc.send(
      new PutCommand({ TableName: tableName, Item: { pk: 'USER#broken', sk: 'PROFILE', xp: 'lots' } }),
    );

    await expect(store.getProfile('broken')).rejects.toBeInstanceOf(CorruptItemError);
    await expect(store.loadActivityState('broken')).rejects.toBeInstanceOf(CorruptItemError);
    await expect(
      store.loadActivityState('broken', { activityType: 'lesson_complete', subjectId: 's' }),
    ).rejects.toBeInstanceOf(CorruptItemError);
  });
});
