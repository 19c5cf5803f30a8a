import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelForXp } from '../../shared/domain/level-curve';
import {
  errorResponseSchema,
  historyResponseSchema,
  outcomeResponseSchema,
  profileResponseSchema,
} from '../../shared/http/response-schemas';
import { defaultRules } from '../../shared/rules/load';
import { cleanup, isAlive, type RunningLocal, startLocal } from './support/local-process';

/**
 * `npm start` as a developer meets it: the README's five-minute tour over real
 * HTTP against the real handlers and DynamoDB Local, then Ctrl-C.
 */

let local: RunningLocal;
beforeAll(async () => {
  local = await startLocal(['--in-memory']);
}, 60_000);
afterAll(cleanup);

const api = (path: string) => `${local.info.api_url}${path}`;
const internal = () => ({
  authorization: `Bearer ${local.info.internal_key}`,
  'content-type': 'application/json',
});

async function devToken(userId: string): Promise<string> {
  const response = await fetch(local.info.dev_token_url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user_id: userId }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

function recordActivity(body: Record<string, unknown>) {
  return fetch(api('/v1/internal/activities'), {
    method: 'POST',
    headers: internal(),
    body: JSON.stringify(body),
  });
}

describe('the five-minute tour', () => {
  const lesson = {
    event_id: 'tour-lesson-1',
    user_id: 'demo-user',
    activity_type: 'lesson_complete',
    subject_id: 'lesson-1',
    occurred_at: new Date().toISOString(),
  };
  const lessonRules = defaultRules.activities.lesson_complete;

  it('writes local.json with the API URL and the internal key', () => {
    expect(local.info.api_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(local.info.internal_key).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(local.output()).toContain(local.info.api_url);
  });

  it('records an activity through the internal route', async () => {
    const response = await recordActivity(lesson);
    expect(response.status).toBe(201);
    const outcome = outcomeResponseSchema.parse(await response.json());
    expect(outcome).toMatchObject({
      duplicate: false,
      event_id: lesson.event_id,
      awarded: { xp: lessonRules?.xp, coins: lessonRules?.coins },
    });
  });

  it('shows the award on /v1/me with a dev token', async () => {
    const response = await fetch(api('/v1/me'), {
      headers: { authorization: `Bearer ${await devToken('demo-user')}` },
    });
    expect(response.status).toBe(200);
    expect(profileResponseSchema.parse(await response.json())).toMatchObject({
      user_id: 'demo-user',
      xp: lessonRules?.xp,
      coins: lessonRules?.coins,
      level: 1,
      title: 'Novice',
    });
  });

  it('lists the ledger entry on /v1/me/history', async () => {
    const response = await fetch(api('/v1/me/history?limit=10'), {
      headers: { authorization: `Bearer ${await devToken('demo-user')}` },
    });
    expect(response.status).toBe(200);
    const history = historyResponseSchema.parse(await response.json());
    expect(history.items.map((item) => item.event_id)).toEqual([lesson.event_id]);
    expect(history.next_cursor).toBeNull();
  });

  it('answers a replay of the same event id with the first outcome, marked duplicate', async () => {
    const first = outcomeResponseSchema.parse(
      await (await recordActivity({ ...lesson, event_id: 'tour-replay', subject_id: 'lesson-2' })).json(),
    );
    const replay = await recordActivity({ ...lesson, event_id: 'tour-replay', subject_id: 'lesson-2' });
    expect(replay.status).toBe(200);
    expect(first.duplicate).toBe(false);
    expect(outcomeResponseSchema.parse(await replay.json())).toEqual({ ...first, duplicate: true });
  });

  it('levels up several times across one big custom award', async () => {
    const before = profileResponseSchema.parse(
      await (await fetch(api('/v1/internal/users/demo-user'), { headers: internal() })).json(),
    );
    const amount = defaultRules.activities.custom?.variable?.max_xp ?? 0;
    const response = await recordActivity({
      event_id: 'tour-big-award',
      user_id: 'demo-user',
      activity_type: 'custom',
      amount,
      occurred_at: new Date().toISOString(),
    });
    expect(response.status).toBe(201);
    const outcome = outcomeResponseSchema.parse(await response.json());
    const expectedLevel = levelForXp(defaultRules.levels, before.xp + outcome.awarded.xp);
    expect(expectedLevel).toBeGreaterThan(before.level + 1);
    expect(outcome.profile.level).toBe(expectedLevel);
    expect(outcome.level_ups.map((up) => up.level)).toEqual(
      Array.from({ length: expectedLevel - before.level }, (_, i) => before.level + 1 + i),
    );
  });

  it('serves the OpenAPI document', async () => {
    const response = await fetch(local.info.openapi_url);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\.1/);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/me', '/v1/internal/activities']),
    );
  });
});

describe('auth stand-ins', () => {
  it('answers 401 for /v1/me without a token', async () => {
    const response = await fetch(api('/v1/me'));
    expect(response.status).toBe(401);
    expect(errorResponseSchema.parse(await response.json()).error.code).toBe('unauthorized');
  });

  it('answers 401 for an internal route without the key, and with a dev token instead', async () => {
    const body = JSON.stringify({ event_id: 'never', user_id: 'u', activity_type: 'custom', amount: 5 });
    const keyless = await fetch(api('/v1/internal/activities'), { method: 'POST', body });
    const withToken = await fetch(api('/v1/internal/activities'), {
      method: 'POST',
      headers: { authorization: `Bearer ${await devToken('demo-user')}` },
      body,
    });
    expect([keyless.status, withToken.status]).toEqual([401, 401]);
  });
});

describe('Ctrl-C', () => {
  it('stops the HTTP server and DynamoDB Local, and exits 0', async () => {
    local.child.kill('SIGINT');
    expect(await local.exited).toBe(0);
    expect(isAlive(local.info.dynamodb_pid)).toBe(false);
    await expect(fetch(api('/v1/openapi.json'))).rejects.toThrow();
  }, 20_000);
});
