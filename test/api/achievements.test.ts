import { beforeAll, describe, expect, it } from 'vitest';
import { invoke, type ParsedResponse } from './support/events';
import {
  getMyAchievementsEvent,
  listAchievementsEvent,
  loadProgressApi,
  type ProgressApi,
} from './support/progress-api';
import { activityBody, asUser, recordActivityEvent, uniqueId } from './support/requests';

let api: ProgressApi;

beforeAll(async () => {
  api = await loadProgressApi();
});

async function activity(userId: string, activityType: string) {
  const body = activityBody(userId, { activity_type: activityType });
  const response = await invoke(api.recordActivity, recordActivityEvent(body));
  expect(response.statusCode).toBe(201);
  return response.body;
}

const byId = (items: ParsedResponse['body'], id: string) => items.find((a: { id: string }) => a.id === id);

describe('GET /v1/achievements', () => {
  it('answers without a token: the catalog is the same for everyone', async () => {
    const response = await invoke(api.listAchievements, listAchievementsEvent());
    expect(response.statusCode).toBe(200);
    expect(response.body.items.map((a: { id: string }) => a.id)).toEqual([
      'first_steps',
      'quiz_fan',
      'night_owl',
    ]);
    expect(byId(response.body.items, 'quiz_fan')).toEqual({
      id: 'quiz_fan',
      name: 'Quiz Fan',
      description: 'Complete 4 quizzes',
      category: 'study_time',
      rarity: 'rare',
      kind: 'incremental',
      hidden: false,
      unlocked_percent: expect.any(Number),
      xp: 40,
      coins: 10,
    });
    expect(response.headers?.['cache-control']).toBe('public, max-age=60');
  });

  it('masks the name and description of hidden achievements', async () => {
    const response = await invoke(api.listAchievements, listAchievementsEvent());
    const hidden = byId(response.body.items, 'night_owl');
    expect(hidden).toMatchObject({ hidden: true, name: 'Hidden achievement' });
    expect(JSON.stringify(hidden)).not.toContain('decision');
  });

  it('gives each achievement the share of users who unlocked it, from the counts the stream keeps', async () => {
    const before = await invoke(api.listAchievements, listAchievementsEvent());
    expect(before.body.users).toBe(0);
    for (const item of before.body.items) expect(item.unlocked_percent).toBe(0);

    await api.unlockStats.addUnlockStats(
      { users: 8, unlocks: { first_steps: 8, quiz_fan: 1, night_owl: 3 } },
      'seed',
    );

    const after = await invoke(api.listAchievements, listAchievementsEvent());
    expect(after.body.users).toBe(8);
    expect(byId(after.body.items, 'first_steps').unlocked_percent).toBe(100);
    expect(byId(after.body.items, 'quiz_fan').unlocked_percent).toBe(12.5);
    // 3 of 8 is 37.5%; a hidden achievement's rarity is shown, its name and description are not
    expect(byId(after.body.items, 'night_owl')).toMatchObject({
      unlocked_percent: 37.5,
      name: 'Hidden achievement',
    });
  });
});

describe('GET /v1/me/achievements', () => {
  it('shows nothing unlocked before any activity', async () => {
    const response = await invoke(api.getMyAchievements, getMyAchievementsEvent(asUser(uniqueId('new'))));
    expect(response.statusCode).toBe(200);
    expect(response.body.unlocked).toEqual([]);
    expect(response.body.closest).toEqual([]);
    expect(byId(response.body.in_progress, 'quiz_fan')).toMatchObject({
      progress: { current: 0, target: 4, percent: 0 },
    });
  });

  it('shows an unlock with its date after the first activity, and its reward in the outcome', async () => {
    const userId = uniqueId('first');
    const before = Date.now();
    const outcome = await activity(userId, 'quiz_completed');
    expect(outcome.achievements).toEqual([{ id: 'first_steps', name: 'First Steps', xp: 15, coins: 5 }]);
    const response = await invoke(api.getMyAchievements, getMyAchievementsEvent(asUser(userId)));
    const first = byId(response.body.unlocked, 'first_steps');
    expect(first).toMatchObject({ name: 'First Steps', rarity: 'common', times: 1 });
    expect(Date.parse(first.unlocked_at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('shows progress towards an incremental achievement and lists it among the closest', async () => {
    const userId = uniqueId('quizzer');
    await activity(userId, 'quiz_completed');
    await activity(userId, 'quiz_completed');
    await activity(userId, 'quiz_completed');
    const response = await invoke(api.getMyAchievements, getMyAchievementsEvent(asUser(userId)));
    const fan = { id: 'quiz_fan', progress: { current: 3, target: 4, percent: 75 } };
    expect(byId(response.body.in_progress, 'quiz_fan')).toMatchObject(fan);
    expect(response.body.closest).toEqual([expect.objectContaining(fan)]);
  });

  it('keeps a hidden achievement out of every list until it is unlocked, then names it', async () => {
    const userId = uniqueId('owl');
    await activity(userId, 'quiz_completed');
    const before = await invoke(api.getMyAchievements, getMyAchievementsEvent(asUser(userId)));
    expect(JSON.stringify(before.body)).not.toContain('night_owl');
    await activity(userId, 'decision_made');
    const after = await invoke(api.getMyAchievements, getMyAchievementsEvent(asUser(userId)));
    expect(byId(after.body.unlocked, 'night_owl')).toMatchObject({ name: 'Night Owl' });
  });

  it("never shows another user's achievements: the user is the token's subject", async () => {
    const alice = uniqueId('alice');
    await activity(alice, 'quiz_completed');
    const asBob = getMyAchievementsEvent(asUser(uniqueId('bob')));
    asBob.queryStringParameters = { user_id: alice };
    asBob.pathParameters = { id: alice };
    const response = await invoke(api.getMyAchievements, asBob);
    expect(response.body.unlocked).toEqual([]);
  });

  it('answers 401 without a token and for IAM callers', async () => {
    expect((await invoke(api.getMyAchievements, getMyAchievementsEvent({ kind: 'none' }))).statusCode).toBe(
      401,
    );
    expect((await invoke(api.getMyAchievements, getMyAchievementsEvent({ kind: 'iam' }))).statusCode).toBe(
      401,
    );
  });
});
