import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelForXp } from '../../shared/domain/level-curve';
import {
  errorResponseSchema,
  historyResponseSchema,
  type OutcomeResponse,
  outcomeResponseSchema,
  profileResponseSchema,
} from '../../shared/http/response-schemas';
import { defaultRules } from '../../shared/rules/load';
import { rewardOf } from '../support/game-fixtures';
import { cleanup, isAlive, REPO_ROOT, type RunningLocal, startLocal } from './support/local-process';

/**
 * `npm start` as a developer meets it: the README's five-minute tour, step by
 * step, over real HTTP against the real handlers and DynamoDB Local; then Ctrl-C.
 */

let local: RunningLocal;
beforeAll(async () => {
  local = await startLocal(['--in-memory']);
}, 60_000);
afterAll(cleanup);

const api = (path: string) => `${local.info.api_url}${path}`;
const internalHeaders = () => ({
  authorization: `Bearer ${local.info.internal_key}`,
  'content-type': 'application/json',
});
const recordActivity = (body: Record<string, unknown>) =>
  fetch(api('/v1/internal/activities'), {
    method: 'POST',
    headers: internalHeaders(),
    body: JSON.stringify(body),
  });

/** The tour's time for its activities, computed the way the README's reader computes it. */
function tourNow(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const expression = /^NOW=\$\(node -p "(.+)"\)$/m.exec(readme)?.[1];
  if (!expression) throw new Error('the README tour sets NOW with node -p no more');
  return execFileSync(process.execPath, ['-p', expression], { encoding: 'utf8' }).trim();
}

describe('the five-minute tour', () => {
  // dated as the README dates them, so its promised figures hold at any hour
  const now = tourNow();
  const lesson = {
    event_id: 'tour-lesson-1',
    user_id: 'demo-user',
    activity_type: 'lesson_complete',
    subject_id: 'lesson-1',
    occurred_at: now,
  };
  const lessonRules = defaultRules().activities.lesson_complete;
  // The tour's first lesson also unlocks the default catalog's "First Lesson", paid on the same entry.
  const firstLesson = rewardOf(defaultRules(), 'first_lesson');
  const lessonXp = (lessonRules?.xp ?? Number.NaN) + firstLesson.xp;
  const lessonCoins = (lessonRules?.coins ?? Number.NaN) + firstLesson.coins;
  let token = '';
  let firstOutcome: OutcomeResponse | undefined;

  it('0. writes local.json with the API URL and the internal key, and prints the URL', () => {
    expect(local.info.api_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(local.info.internal_key).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(local.output()).toContain(`Ready at ${local.info.api_url}`);
  });

  it('1. mints a dev token for demo-user', async () => {
    const response = await fetch(api('/dev/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: 'demo-user' }),
    });
    expect(response.status).toBe(200);
    token = ((await response.json()) as { token: string }).token;
    expect(token.split('.')).toHaveLength(3);
  });

  it('2. records an activity through the internal route', async () => {
    const response = await recordActivity(lesson);
    expect(response.status).toBe(201);
    firstOutcome = outcomeResponseSchema.parse(await response.json());
    expect(firstOutcome).toMatchObject({
      duplicate: false,
      event_id: lesson.event_id,
      awarded: { xp: lessonXp, coins: lessonCoins },
      achievements: [{ id: 'first_lesson', ...firstLesson }],
    });
  });

  it('3. shows the award on /v1/me', async () => {
    const response = await fetch(api('/v1/me'), { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(profileResponseSchema.parse(await response.json())).toMatchObject({
      user_id: 'demo-user',
      xp: lessonXp,
      coins: lessonCoins,
      level: 1,
      title: 'Novice',
    });
  });

  it('4. lists the ledger entry on /v1/me/history', async () => {
    const response = await fetch(api('/v1/me/history?limit=10'), {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const history = historyResponseSchema.parse(await response.json());
    expect(history.items.map((item) => item.event_id)).toEqual([lesson.event_id]);
    expect(history.next_cursor).toBeNull();
  });

  it('5. answers a replay of the same event with the first outcome, marked duplicate', async () => {
    const replay = await recordActivity(lesson);
    expect(replay.status).toBe(200);
    expect(outcomeResponseSchema.parse(await replay.json())).toEqual({ ...firstOutcome, duplicate: true });
  });

  it('6. levels up several times across one big custom award', async () => {
    const xpBefore = firstOutcome?.profile.xp ?? 0;
    const response = await recordActivity({
      event_id: 'tour-big-award',
      user_id: 'demo-user',
      activity_type: 'custom',
      amount: 500,
      occurred_at: now,
    });
    expect(response.status).toBe(201);
    const outcome = outcomeResponseSchema.parse(await response.json());
    const expectedLevel = levelForXp(defaultRules().levels, xpBefore + outcome.awarded.xp);
    expect(expectedLevel).toBeGreaterThan(2);
    expect(outcome.profile.level).toBe(expectedLevel);
    expect(outcome.level_ups.map((up) => up.level)).toEqual(
      Array.from({ length: expectedLevel - 1 }, (_, i) => i + 2),
    );
  });

  it('7. answers 401 for /v1/me without a token', async () => {
    const response = await fetch(api('/v1/me'));
    expect(response.status).toBe(401);
    expect(errorResponseSchema.parse(await response.json()).error.code).toBe('unauthorized');
  });

  it('8. serves the OpenAPI document', async () => {
    const response = await fetch(local.info.openapi_url);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\.1/);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/me', '/v1/internal/activities']),
    );
  });
});

describe('the internal key stand-in', () => {
  it('answers 401 for an internal route without the key, and with a dev token instead', async () => {
    const token = (
      (await (
        await fetch(api('/dev/token'), { method: 'POST', body: JSON.stringify({ user_id: 'demo-user' }) })
      ).json()) as { token: string }
    ).token;
    const body = JSON.stringify({ event_id: 'never', user_id: 'u1', activity_type: 'custom', amount: 5 });
    const keyless = await fetch(api('/v1/internal/activities'), { method: 'POST', body });
    const withToken = await fetch(api('/v1/internal/activities'), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body,
    });
    expect([keyless.status, withToken.status]).toEqual([401, 401]);
  });
});

describe('kept-alive connections', () => {
  it('stay open 65 s, so clients reusing sockets every few seconds never race the server closing them', async () => {
    const { request } = await import('node:http');
    const header = await new Promise<string | undefined>((resolve, reject) => {
      request(api('/v1/openapi.json'), { headers: { connection: 'keep-alive' } }, (res) => {
        res.resume();
        resolve(String(res.headers['keep-alive']));
      })
        .on('error', reject)
        .end();
    });
    expect(header).toBe('timeout=65');
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
