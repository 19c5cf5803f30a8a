import { describe, expect, it } from 'vitest';
import { makeGetProfile } from '../../shared/app/get-profile';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { makeUpdateUserSettings } from '../../shared/app/update-user-settings';
import { NotFoundError, ValidationError } from '../../shared/domain/errors';
import { createTestStore } from '../support/dynamodb';
import { activityFor, depsFor, scanAll, uniqueId } from '../support/game-fixtures';

describe('get profile', () => {
  it('shows a user never seen as a fresh profile without storing anything, when asked to', async () => {
    const { store, doc, tableName } = await createTestStore();
    const userId = uniqueId('user');

    const view = await makeGetProfile(depsFor(store))(userId, { ifMissing: 'new' });

    expect(view).toMatchObject({ userId, xp: 0, coins: 0, level: 1, title: 'Novice', sceneLevel: 0 });
    expect(await scanAll(doc, tableName)).toEqual([]);
  });

  it('reports a user never seen as not found, when asked to', async () => {
    const { store } = await createTestStore();

    const error = await makeGetProfile(depsFor(store))('ghost', { ifMissing: 'not_found' }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe('user_not_found');
  });

  it('shows the stored totals with what the rules derive from them', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const deps = depsFor(store);
    await makeRecordActivity(deps)(activityFor(userId, 'custom', { amount: 260 }));

    const view = await makeGetProfile(deps)(userId, { ifMissing: 'not_found' });

    expect(view).toMatchObject({ xp: 260, coins: 26, level: 3, sceneLevel: 1 });
    expect(view.nextMilestone).toEqual({ sceneLevel: 2, xp: 500, xpRemaining: 240 });
  });
});

describe('update user settings', () => {
  it('creates the profile of a user never seen, with the canonical zone name', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');

    const view = await makeUpdateUserSettings(depsFor(store))(userId, {
      timeZone: 'america/new_york',
      vipTier: 'premium',
    });

    expect(view).toMatchObject({ userId, timeZone: 'America/New_York', vipTier: 'premium', xp: 0 });
    expect(await store.getProfile(userId)).toMatchObject({ timeZone: 'America/New_York', version: 1 });
  });

  it('changes only the settings, keeping totals and counters', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const deps = depsFor(store);
    await makeRecordActivity(deps)(activityFor(userId, 'quiz_completed'));
    const before = await store.getProfile(userId);

    await makeUpdateUserSettings(deps)(userId, { vipTier: 'standard' });

    expect(await store.getProfile(userId)).toEqual({
      ...before,
      vipTier: 'standard',
      version: 2,
      updatedAt: expect.any(String),
    });
  });

  it.each(['Mars/Olympus_Mons', '+02:00', 'UTC+2', '', 'Europe/Paris; DROP'])(
    'refuses %j as a time zone on the time_zone field, writing nothing',
    async (timeZone) => {
      const { store, doc, tableName } = await createTestStore();

      const error = await makeUpdateUserSettings(depsFor(store))('u', { timeZone }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details.map((d) => d.field)).toEqual(['time_zone']);
      expect(await scanAll(doc, tableName)).toEqual([]);
    },
  );

  it('sets a trimmed display name and the board opt-out, and clears the name with null', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const update = makeUpdateUserSettings(depsFor(store));

    const named = await update(userId, { displayName: '  Ana  ', leaderboardVisible: false });
    const cleared = await update(userId, { displayName: null });

    expect(named).toMatchObject({ displayName: 'Ana', leaderboardVisible: false });
    expect(cleared).toMatchObject({ displayName: null, leaderboardVisible: false });
    expect(await store.getProfile(userId)).not.toHaveProperty('displayName');
  });

  it.each(['', '   ', 'n'.repeat(41), 'Ana\tBob', 'Ana\u007f'])(
    'refuses %j as a display name on the display_name field, writing nothing',
    async (displayName) => {
      const { store, doc, tableName } = await createTestStore();

      const error = await makeUpdateUserSettings(depsFor(store))('u', { displayName }).catch(
        (e: unknown) => e,
      );

      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details.map((d) => d.field)).toEqual(['display_name']);
      expect(await scanAll(doc, tableName)).toEqual([]);
    },
  );

  it('keeps both of two concurrent updates from different processes', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const [one, two] = [makeUpdateUserSettings(depsFor(store)), makeUpdateUserSettings(depsFor(store))];

    await Promise.all([one(userId, { vipTier: 'premium' }), two(userId, { timeZone: 'Asia/Tokyo' })]);

    expect(await store.getProfile(userId)).toMatchObject({
      vipTier: 'premium',
      timeZone: 'Asia/Tokyo',
      version: 2,
    });
  });
});
