import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  leaderboardResponseSchema,
  leaderboardsResponseSchema,
  myStandingResponseSchema,
} from '../../shared/http/leaderboard-schemas';
import { playerIdOf } from '../../shared/http/player-ids';
import { recentDaytimeIso } from '../support/daytime';
import { eventually } from '../support/eventually';
import { connectSocket, type TestSocket } from '../support/ws-client';
import { cleanup, devToken, type RunningLocal, startLocal } from './support/local-process';

/**
 * Through `npm start`: activities posted over HTTP reach the boards
 * through DynamoDB Local's stream and the ProjectLeaderboards consumer; the
 * routes read them back with a user's token; entering the top 10 is pushed
 * over the WebSocket; opting out takes a user off the board.
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

const tokenFor = (userId: string) => devToken(local, userId);

async function quiz(userId: string, n: number): Promise<void> {
  const response = await fetch(api('/v1/internal/activities'), {
    method: 'POST',
    headers: internal(),
    body: JSON.stringify({
      event_id: `lb-${userId}-${n}`,
      user_id: userId,
      activity_type: 'quiz_completed',
      occurred_at: recentDaytimeIso(),
    }),
  });
  expect(response.status).toBe(201);
}

async function settings(userId: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(api(`/v1/internal/users/${userId}`), {
    method: 'PATCH',
    headers: internal(),
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

describe('leaderboards through the local runtime', () => {
  let bobToken = '';
  let bobSocket: TestSocket;

  it('lists the boards without a token', async () => {
    const response = await fetch(api('/v1/leaderboards'));
    expect(response.status).toBe(200);
    const { boards } = leaderboardsResponseSchema.parse(await response.json());
    expect(boards.map((b) => b.id)).toEqual(expect.arrayContaining(['xp', 'streak_current', 'achievements']));
  });

  it('ranks users by this week’s XP with their display names, and pushes entering the top 10', async () => {
    bobToken = await tokenFor('lb-bob');
    await settings('lb-ada', { display_name: 'Ada' });
    await settings('lb-bob', { display_name: 'Bob' });
    bobSocket = await connectSocket(local.info.ws_url, bobToken);
    for (let n = 0; n < 3; n++) await quiz('lb-ada', n);
    await quiz('lb-bob', 0);

    const top = await eventually(
      async () => {
        const response = await fetch(api('/v1/leaderboards/xp?period=week'), {
          headers: { authorization: `Bearer ${bobToken}` },
        });
        expect(response.status).toBe(200);
        return leaderboardResponseSchema.parse(await response.json());
      },
      (t) => t.entries.length === 2,
    );
    expect(top.period).toMatch(/^\d{4}-W\d{2}$/);
    expect(top.entries.map((e) => [e.rank, e.player_id, e.display_name, e.me])).toEqual([
      [1, playerIdOf('lb-ada'), 'Ada', false],
      [2, playerIdOf('lb-bob'), 'Bob', true],
    ]);
    const pushed = await bobSocket.waitFor((f) => f.event === 'leaderboard_changed' && f.data.board === 'xp');
    expect(pushed.data).toMatchObject({ rank: 2, previous_rank: null });
  });

  it('tells bob his exact rank, percentile and who is around him', async () => {
    const response = await fetch(api('/v1/leaderboards/xp/me?around=3'), {
      headers: { authorization: `Bearer ${bobToken}` },
    });
    expect(response.status).toBe(200);
    const me = myStandingResponseSchema.parse(await response.json());
    expect(me).toMatchObject({ ranked: true, rank: 2, total: 2, percentile: 0 });
    if (!me.ranked) throw new Error('bob is ranked');
    expect(me.around.map((row) => [row.rank, row.player_id, row.me])).toEqual([
      [1, playerIdOf('lb-ada'), false],
      [2, playerIdOf('lb-bob'), true],
    ]);
  });

  it('takes an opted-out user off the board', async () => {
    await settings('lb-bob', { leaderboard_visible: false });
    const top = await eventually(
      async () => {
        const response = await fetch(api('/v1/leaderboards/xp'), {
          headers: { authorization: `Bearer ${bobToken}` },
        });
        return leaderboardResponseSchema.parse(await response.json());
      },
      (t) => t.entries.length === 1,
    );
    expect(top.entries.map((e) => e.player_id)).toEqual([playerIdOf('lb-ada')]);
    const response = await fetch(api('/v1/leaderboards/xp/me'), {
      headers: { authorization: `Bearer ${bobToken}` },
    });
    expect(myStandingResponseSchema.parse(await response.json())).toMatchObject({
      ranked: false,
      reason: 'hidden',
    });
    await bobSocket.close();
  });
});
