import { beforeAll, describe, expect, it } from 'vitest';
import { invoke, type ParsedResponse } from './support/events';
import { freezeEvent, getMyStreaksEvent, loadProgressApi, type ProgressApi } from './support/progress-api';
import { activityBody, asUser, recordActivityEvent, uniqueId } from './support/requests';

let api: ProgressApi;

beforeAll(async () => {
  api = await loadProgressApi();
});

const HOUR_MS = 3_600_000;

async function activity(userId: string, occurredAt: Date, activityType = 'quiz_completed') {
  const body = activityBody(userId, { activity_type: activityType, occurred_at: occurredAt.toISOString() });
  const response = await invoke(api.recordActivity, recordActivityEvent(body));
  expect(response.statusCode).toBe(201);
  return response.body;
}

const streakOf = (body: ParsedResponse['body'], type: string) =>
  body.streaks.find((s: { type: string }) => s.type === type);

describe('GET /v1/me/streaks', () => {
  it('lists every streak type with status none and the initial freezes before any activity', async () => {
    const response = await invoke(api.getMyStreaks, getMyStreaksEvent(asUser(uniqueId('new'))));
    expect(response.statusCode).toBe(200);
    expect(response.body.freezes_held).toBe(3);
    expect(response.body.freezes_max).toBe(5);
    expect(response.body.streaks.map((s: { type: string }) => s.type)).toEqual([
      'daily_activity',
      'daily_login',
      'study',
      'story',
    ]);
    expect(streakOf(response.body, 'daily_activity')).toMatchObject({
      status: 'none',
      current: 0,
      done_today: false,
      next_milestone: { days: 3, days_remaining: 3 },
    });
  });

  it("shows today's activity as an active streak kept today, with its next milestone and health", async () => {
    const userId = uniqueId('active');
    await activity(userId, new Date());
    const response = await invoke(api.getMyStreaks, getMyStreaksEvent(asUser(userId)));
    const daily = streakOf(response.body, 'daily_activity');
    expect(daily).toMatchObject({
      status: 'active',
      current: 1,
      longest: 1,
      done_today: true,
      at_risk: false,
      next_milestone: { days: 3, days_remaining: 2, xp: 20, coins: 5 },
    });
    // 60*1/30 + 20 (two or more freezes) + 20 (kept today)
    expect(daily?.health).toBe(42);
    expect(daily?.hours_left_today).toBeGreaterThan(0);
    expect(streakOf(response.body, 'story')).toMatchObject({ status: 'none', current: 0 });
  });

  it("never shows another user's streaks: the user is the token's subject", async () => {
    const alice = uniqueId('alice');
    await activity(alice, new Date());
    const asBob = getMyStreaksEvent(asUser(uniqueId('bob')));
    asBob.queryStringParameters = { user_id: alice };
    const response = await invoke(api.getMyStreaks, asBob);
    expect(streakOf(response.body, 'daily_activity')).toMatchObject({ status: 'none', current: 0 });
  });

  it('answers 401 without a token and for IAM callers', async () => {
    expect((await invoke(api.getMyStreaks, getMyStreaksEvent({ kind: 'none' }))).statusCode).toBe(401);
    expect((await invoke(api.getMyStreaks, getMyStreaksEvent({ kind: 'iam' }))).statusCode).toBe(401);
  });
});

describe('POST /v1/me/streaks/{type}/freeze: spending a held freeze', () => {
  it('covers today for a streak kept yesterday: one freeze fewer, status frozen', async () => {
    const userId = uniqueId('freezer');
    await activity(userId, new Date(Date.now() - 24 * HOUR_MS));
    const response = await invoke(api.freezeStreak, freezeEvent(asUser(userId), 'daily_activity'));
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatchObject({ action: 'used', coins_spent: 0, freezes_held: 2 });
    expect(response.body.streak).toMatchObject({ type: 'daily_activity', status: 'frozen', current: 1 });
    const after = await invoke(api.getMyStreaks, getMyStreaksEvent(asUser(userId)));
    expect(after.body.freezes_held).toBe(2);
  });

  it('refuses a second freeze the same day with 409 streak_frozen_today', async () => {
    const userId = uniqueId('twice');
    await activity(userId, new Date(Date.now() - 24 * HOUR_MS));
    expect((await invoke(api.freezeStreak, freezeEvent(asUser(userId), 'daily_activity'))).statusCode).toBe(
      200,
    );
    const again = await invoke(api.freezeStreak, freezeEvent(asUser(userId), 'daily_activity'));
    expect(again.statusCode).toBe(409);
    expect(again.body.error.code).toBe('streak_frozen_today');
  });

  it('answers 409 streak_kept_today when today is already kept', async () => {
    const userId = uniqueId('kept');
    await activity(userId, new Date());
    const response = await invoke(api.freezeStreak, freezeEvent(asUser(userId), 'daily_activity', {}));
    expect(response.statusCode).toBe(409);
    expect(response.body.error.code).toBe('streak_kept_today');
  });

  it('answers 409 no_streak_to_freeze for a user with no streak', async () => {
    const response = await invoke(api.freezeStreak, freezeEvent(asUser(uniqueId('none')), 'daily_activity'));
    expect(response.statusCode).toBe(409);
    expect(response.body.error.code).toBe('no_streak_to_freeze');
  });

  it('answers 409 streak_not_freezable for a type the rules do not let freeze', async () => {
    const response = await invoke(api.freezeStreak, freezeEvent(asUser(uniqueId('login')), 'daily_login'));
    expect(response.statusCode).toBe(409);
    expect(response.body.error.code).toBe('streak_not_freezable');
  });

  it('answers 404 streak_type_not_found for a type the rules do not have', async () => {
    const response = await invoke(api.freezeStreak, freezeEvent(asUser(uniqueId('u')), 'yoga'));
    expect(response.statusCode).toBe(404);
    expect(response.body.error.code).toBe('streak_type_not_found');
  });

  it('answers 400 for a malformed type and for a body with unknown fields', async () => {
    const badType = await invoke(api.freezeStreak, freezeEvent(asUser(uniqueId('u')), 'Daily-Activity'));
    expect(badType.statusCode).toBe(400);
    const badBody = await invoke(
      api.freezeStreak,
      freezeEvent(asUser(uniqueId('u')), 'daily_activity', { days: 2 }),
    );
    expect(badBody.statusCode).toBe(400);
    expect(badBody.body.error.details).toEqual([expect.objectContaining({ field: 'days' })]);
  });

  it('answers 401 without a token', async () => {
    expect((await invoke(api.freezeStreak, freezeEvent({ kind: 'none' }, 'daily_activity'))).statusCode).toBe(
      401,
    );
  });
});

describe('the route table', () => {
  it('puts every /v1/me route behind the jwt authorizer, with table access for what it does', async () => {
    const { routes } = await import('../../shared/http/routes');
    const mine = routes.filter((r) => r.path.startsWith('/v1/me'));
    expect(mine.map((r) => r.id)).toEqual(
      expect.arrayContaining(['GetMyStreaks', 'FreezeStreak', 'GetMyAchievements']),
    );
    for (const route of mine) expect(route.auth, route.id).toBe('jwt');
    expect(routes.find((r) => r.id === 'FreezeStreak')?.table).toBe('read-write');
    expect(routes.find((r) => r.id === 'ListAchievements')).toMatchObject({
      auth: 'public',
      table: 'read-stats',
    });
  });
});

describe('the OpenAPI document', () => {
  it('documents the freeze route with its {type} path parameter and an optional body', async () => {
    const { buildOpenApiDocument } = await import('../../shared/http/openapi');
    const freeze = (buildOpenApiDocument() as ParsedResponse['body']).paths['/v1/me/streaks/{type}/freeze']
      .post;
    expect(freeze.parameters).toEqual([
      expect.objectContaining({ name: 'type', in: 'path', required: true }),
    ]);
    expect(freeze.requestBody.required).toBe(false);
  });
});
