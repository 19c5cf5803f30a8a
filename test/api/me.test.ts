import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRules } from '../../shared/rules/load';
import { rewardOf } from '../support/game-fixtures';
import { invoke } from './support/events';
import { type ApiUnderTest, loadApi } from './support/handlers';
import {
  activityBody,
  asUser,
  getMeEvent,
  getMyHistoryEvent,
  recordActivityEvent,
  uniqueId,
} from './support/requests';

let api: ApiUnderTest;

beforeAll(async () => {
  api = await loadApi();
});

async function award(userId: string, activityType = 'flashcard_session') {
  const response = await invoke(
    api.recordActivity,
    recordActivityEvent(activityBody(userId, { activity_type: activityType })),
  );
  expect(response.statusCode).toBe(201);
  return response.body;
}

describe('GET /v1/me', () => {
  it('shows a token holder with no activity yet a fresh level-1 profile', async () => {
    const userId = uniqueId('new');
    const response = await invoke(api.getMe, getMeEvent(asUser(userId)));
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatchObject({
      user_id: userId,
      xp: 0,
      coins: 0,
      level: 1,
      title: 'Novice',
      xp_to_next_level: 100,
      scene_level: 0,
      next_milestone: { scene_level: 1, xp: 250, xp_remaining: 250 },
      vip_tier: 'none',
    });
  });

  it("shows the caller's own progress", async () => {
    const userId = uniqueId('user');
    await award(userId, 'quiz_completed');
    const response = await invoke(api.getMe, getMeEvent(asUser(userId)));
    expect(response.body).toMatchObject({ user_id: userId, xp: 30, coins: 6 });
  });

  it("never shows another user's data: the user is the token's subject", async () => {
    const alice = uniqueId('alice');
    const bob = uniqueId('bob');
    await award(alice, 'scenario_completed');
    const asBob = getMeEvent(asUser(bob));
    // Whatever else the request carries, only the token's subject counts.
    asBob.queryStringParameters = { user_id: alice };
    asBob.pathParameters = { id: alice };
    const response = await invoke(api.getMe, asBob);
    expect(response.body).toMatchObject({ user_id: bob, xp: 0 });
  });

  it('answers 401 without a token', async () => {
    const response = await invoke(api.getMe, getMeEvent({ kind: 'none' }));
    expect(response.statusCode).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
  });

  it('answers 401 for IAM credentials, which carry no end user', async () => {
    expect((await invoke(api.getMe, getMeEvent({ kind: 'iam' }))).statusCode).toBe(401);
  });

  it('answers 401 for a token whose subject cannot be a user id', async () => {
    expect((await invoke(api.getMe, getMeEvent(asUser('USER#admin')))).statusCode).toBe(401);
  });
});

describe('GET /v1/me/history', () => {
  it('pages through my ledger, newest first, with a cursor', async () => {
    const userId = uniqueId('user');
    const first = await award(userId, 'flashcard_session');
    const second = await award(userId, 'quiz_completed');
    const third = await award(userId, 'scenario_completed');
    const page1 = await invoke(api.getMyHistory, getMyHistoryEvent(asUser(userId), { limit: '2' }));
    expect(page1.statusCode).toBe(200);
    expect(page1.body.items.map((i: { event_id: string }) => i.event_id)).toEqual([
      third.event_id,
      second.event_id,
    ]);
    // the first scenario's 100 XP includes the catalog's first-scenario reward, listed as a bonus
    const firstScenario = rewardOf(defaultRules(), 'first_scenario');
    expect(page1.body.items[0]).toMatchObject({
      kind: 'activity',
      activity_type: 'scenario_completed',
      xp: 100 + firstScenario.xp,
      bonuses: [{ source: 'achievement', id: 'first_scenario#1', ...firstScenario }],
    });
    expect(page1.body.items[1].bonuses).toBeUndefined();
    expect(page1.body.next_cursor).toEqual(expect.any(String));
    const page2 = await invoke(
      api.getMyHistory,
      getMyHistoryEvent(asUser(userId), { limit: '2', cursor: page1.body.next_cursor }),
    );
    expect(page2.body.items.map((i: { event_id: string }) => i.event_id)).toEqual([first.event_id]);
    expect(page2.body.next_cursor).toBeNull();
  });

  it('is empty for a user with no activity', async () => {
    const response = await invoke(api.getMyHistory, getMyHistoryEvent(asUser(uniqueId('new'))));
    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({ items: [], next_cursor: null });
  });

  it("never lists another user's entries", async () => {
    const alice = uniqueId('alice');
    await award(alice);
    const response = await invoke(api.getMyHistory, getMyHistoryEvent(asUser(uniqueId('bob'))));
    expect(response.body.items).toEqual([]);
  });

  it("refuses another user's cursor with 400 naming cursor", async () => {
    const alice = uniqueId('alice');
    await award(alice);
    await award(alice);
    const alicePage = await invoke(api.getMyHistory, getMyHistoryEvent(asUser(alice), { limit: '1' }));
    const cursor = alicePage.body.next_cursor;
    const response = await invoke(api.getMyHistory, getMyHistoryEvent(asUser(uniqueId('bob')), { cursor }));
    expect(response.statusCode).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual(['cursor']);
  });

  it('refuses a garbage cursor with 400', async () => {
    const response = await invoke(
      api.getMyHistory,
      getMyHistoryEvent(asUser(uniqueId('u')), { cursor: 'not-a-cursor' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual(['cursor']);
  });

  it.each(['0', '101', 'ten', '-1'])('refuses limit=%s with 400 naming limit', async (limit) => {
    const response = await invoke(api.getMyHistory, getMyHistoryEvent(asUser(uniqueId('u')), { limit }));
    expect(response.statusCode).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual(['limit']);
  });

  it('refuses an unknown query parameter with 400', async () => {
    const response = await invoke(
      api.getMyHistory,
      getMyHistoryEvent(asUser(uniqueId('u')), { user_id: 'alice' }),
    );
    expect(response.statusCode).toBe(400);
  });

  it('answers 401 without a token', async () => {
    expect((await invoke(api.getMyHistory, getMyHistoryEvent({ kind: 'none' }))).statusCode).toBe(401);
  });
});
