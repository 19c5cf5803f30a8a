import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoLeaderboardStore } from '../../shared/adapters/dynamo/leaderboard-store';
import { periodKey } from '../../shared/domain/leaderboards/periods';
import { newProfile } from '../../shared/domain/profile';
import {
  leaderboardResponseSchema,
  leaderboardsResponseSchema,
  myStandingResponseSchema,
} from '../../shared/http/leaderboard-schemas';
import { playerIdOf } from '../../shared/http/player-ids';
import type { HttpEvent } from '../../shared/http/types';
import type { BoardRef, Contender } from '../../shared/ports/leaderboards';
import { createTestStore, type TestStore, useTableEnv } from '../support/dynamodb';
import { type Auth, httpEvent, invoke } from './support/events';
import { asUser } from './support/requests';

type Handler = (event: HttpEvent, context: Context) => Promise<unknown>;

/** The shipped boards: xp keeps all time, week and month (bucket width 100). */
const xp: BoardRef = { id: 'xp', bucketWidth: 100 };
const WEEK = periodKey('week', new Date(), 'UTC');
const reached = (minute: number) => new Date(Date.UTC(2026, 10, 2, 8, minute)).toISOString();

/** Ten users on xp all time (ann first, tied scores broken by who got there first), two on this week. */
function contenders(): Contender[] {
  const scores = [900, 800, 700, 600, 500, 500, 400, 300, 200, 100];
  const weekly: Record<string, number> = { bob: 50, jon: 70 };
  const all = ['ann', 'bob', 'cat', 'dee', 'eve', 'fay', 'gus', 'hal', 'ivy', 'jon'].map((name, i) => ({
    userId: name,
    profileVersion: 1,
    updatedAt: reached(i),
    displayName: name === 'hal' ? null : name.toUpperCase(),
    level: 10 - i,
    visible: true,
    scores: [
      { board: 'xp', period: 'all', score: scores[i] ?? 0 },
      ...(weekly[name] ? [{ board: 'xp', period: WEEK, score: weekly[name] }] : []),
    ],
  }));
  return [
    ...all,
    { ...(all[0] as Contender), userId: 'zed', visible: false, displayName: 'ZED' },
    { ...(all[0] as Contender), userId: 'nil', scores: [{ board: 'xp', period: 'all', score: 0 }] },
  ];
}

let listLeaderboards: Handler;
let getLeaderboard: Handler;
let getMyStanding: Handler;
let testStore: TestStore;

beforeAll(async () => {
  testStore = await createTestStore();
  useTableEnv(testStore);
  delete process.env.QUESTLINE_RULES_JSON;
  vi.resetModules();
  // The public list gets no table (route table 'none'): imported first, before anything loads
  // the wiring, to prove it needs none.
  delete process.env.TABLE_NAME;
  listLeaderboards = (await import('../../functions/http/leaderboards/list-leaderboards')).handler as Handler;
  process.env.TABLE_NAME = testStore.tableName;
  [getLeaderboard, getMyStanding] = await Promise.all([
    import('../../functions/http/leaderboards/get-leaderboard').then((m) => m.handler as Handler),
    import('../../functions/http/leaderboards/get-my-leaderboard-standing').then((m) => m.handler as Handler),
  ]);

  const store = new DynamoLeaderboardStore(testStore);
  await store.project([xp, { id: 'streak_current', bucketWidth: 1 }], contenders());
  const dee = newProfile('dee', new Date());
  await testStore.store.saveProfile({ ...dee, level: 7, displayName: 'DEE' });
});

const boardEvent = (board: string, query: Record<string, string> = {}, auth: Auth = asUser('dee')) =>
  httpEvent({ method: 'GET', route: '/v1/leaderboards/{board}', pathParameters: { board }, query, auth });

const meEvent = (board: string, query: Record<string, string> = {}, auth: Auth = asUser('dee')) =>
  httpEvent({ method: 'GET', route: '/v1/leaderboards/{board}/me', pathParameters: { board }, query, auth });

describe('GET /v1/leaderboards', () => {
  it('lists the boards and their current periods without a token, and lets caches keep it a minute', async () => {
    const response = await invoke(
      listLeaderboards,
      httpEvent({ method: 'GET', route: '/v1/leaderboards', auth: { kind: 'none' } }),
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    expect(leaderboardsResponseSchema.safeParse(response.body).success).toBe(true);
    const ids = response.body.boards.map((b: { id: string }) => b.id);
    expect(ids).toEqual(['xp', 'streak_current', 'streak_longest', 'scenarios', 'achievements']);
    expect(response.body.boards[0]).toEqual({
      id: 'xp',
      name: 'Most XP',
      metric: { kind: 'xp' },
      windows: ['all_time', 'week', 'month'],
      time_zone: 'UTC',
      current_periods: { all_time: 'all', week: WEEK, month: periodKey('month', new Date(), 'UTC') },
    });
    expect(response.body.boards[1].metric).toEqual({
      kind: 'streak',
      streak: 'daily_activity',
      measure: 'current',
    });
  });
});

describe('GET /v1/leaderboards/{board}', () => {
  it('answers the top 10 of all time by default: rank, user, name, level, score', async () => {
    const response = await invoke(getLeaderboard, boardEvent('xp'));
    expect(response.statusCode).toBe(200);
    expect(leaderboardResponseSchema.safeParse(response.body).success).toBe(true);
    expect(response.body.board).toBe('xp');
    expect(response.body.period).toBe('all');
    expect(response.body.entries).toHaveLength(10);
    expect(response.body.entries[0]).toEqual({
      rank: 1,
      player_id: playerIdOf('ann'),
      display_name: 'ANN',
      level: 10,
      score: 900,
      me: false,
    });
    // a row never shows a user id (the token subject), only its player id
    expect(JSON.stringify(response.body)).not.toMatch(/"(ann|bob|dee)"/);
    expect(response.body.entries.find((e: { me: boolean }) => e.me)).toMatchObject({
      player_id: playerIdOf('dee'),
    });
    // equal scores: eve got there before fay
    expect(response.body.entries.slice(4, 6).map((e: { player_id: string }) => e.player_id)).toEqual([
      playerIdOf('eve'),
      playerIdOf('fay'),
    ]);
    expect(response.body.entries[7]).toMatchObject({ player_id: playerIdOf('hal'), display_name: null });
  });

  it('leaves out users who opted out and users without points', async () => {
    const response = await invoke(getLeaderboard, boardEvent('xp', { limit: '100' }));
    const players = response.body.entries.map((e: { player_id: string }) => e.player_id);
    expect(players).toContain(playerIdOf('ann'));
    expect(players).not.toContain(playerIdOf('zed'));
    expect(players).not.toContain(playerIdOf('nil'));
  });

  it('reads the current week, and as many rows as asked', async () => {
    const week = await invoke(getLeaderboard, boardEvent('xp', { period: 'week' }));
    expect(week.body.period).toBe(WEEK);
    expect(
      week.body.entries.map((e: { player_id: string; score: number }) => [e.player_id, e.score]),
    ).toEqual([
      [playerIdOf('jon'), 70],
      [playerIdOf('bob'), 50],
    ]);
    const three = await invoke(getLeaderboard, boardEvent('xp', { limit: '3' }));
    expect(three.body.entries.map((e: { rank: number }) => e.rank)).toEqual([1, 2, 3]);
  });

  it('answers an empty board with no entries', async () => {
    const response = await invoke(getLeaderboard, boardEvent('scenarios', { period: 'month' }));
    expect(response.statusCode).toBe(200);
    expect(response.body.entries).toEqual([]);
  });

  it('answers 404 for an unknown board', async () => {
    const response = await invoke(getLeaderboard, boardEvent('nope'));
    expect(response.statusCode).toBe(404);
    expect(response.body.error.code).toBe('leaderboard_not_found');
  });

  it.each(['yesterday', '2999-W01', 'month', ''])('answers 400 naming period for %j', async (period) => {
    const board = period === 'month' ? 'streak_current' : 'xp';
    const response = await invoke(getLeaderboard, boardEvent(board, { period }));
    expect(response.statusCode).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual(['period']);
  });

  it.each(['0', '101', 'abc', '2.5'])('answers 400 naming limit for %j', async (limit) => {
    const response = await invoke(getLeaderboard, boardEvent('xp', { limit }));
    expect(response.statusCode).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual(['limit']);
  });

  it('answers 401 without a token', async () => {
    expect((await invoke(getLeaderboard, boardEvent('xp', {}, { kind: 'none' }))).statusCode).toBe(401);
  });
});

describe('GET /v1/leaderboards/{board}/me', () => {
  it('gives my exact rank, percentile, total and my neighbours around my own row', async () => {
    const response = await invoke(getMyStanding, meEvent('xp', { around: '2' }));
    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({
      board: 'xp',
      period: 'all',
      ranked: true,
      rank: 4,
      score: 600,
      percentile: expect.any(Number),
      total: 10,
      around: [
        { rank: 2, player_id: playerIdOf('bob'), display_name: 'BOB', level: 9, score: 800, me: false },
        { rank: 3, player_id: playerIdOf('cat'), display_name: 'CAT', level: 8, score: 700, me: false },
        { rank: 4, player_id: playerIdOf('dee'), display_name: 'DEE', level: 7, score: 600, me: true },
        { rank: 5, player_id: playerIdOf('eve'), display_name: 'EVE', level: 6, score: 500, me: false },
        { rank: 6, player_id: playerIdOf('fay'), display_name: 'FAY', level: 5, score: 500, me: false },
      ],
    });
    expect(myStandingResponseSchema.safeParse(response.body).success).toBe(true);
    expect(response.body.percentile).toBeGreaterThan(50);
    expect(response.body.percentile).toBeLessThanOrEqual(100);
  });

  it('shows 5 neighbours each side by default, fewer at the top', async () => {
    const response = await invoke(getMyStanding, meEvent('xp', {}, asUser('ann')));
    expect(response.body.rank).toBe(1);
    expect(response.body.around.map((e: { rank: number }) => e.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(response.body.around[0].me).toBe(true);
  });

  it('answers 200 with ranked false and no_score for a user without points there', async () => {
    const response = await invoke(getMyStanding, meEvent('xp', { period: 'week' }));
    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({ board: 'xp', period: WEEK, ranked: false, reason: 'no_score', score: 0 });
    const zero = await invoke(getMyStanding, meEvent('xp', {}, asUser('nil')));
    expect(zero.body).toMatchObject({ ranked: false, reason: 'no_score', score: 0 });
  });

  it('answers 200 with ranked false and hidden, with my score, for a user who opted out', async () => {
    const response = await invoke(getMyStanding, meEvent('xp', {}, asUser('zed')));
    expect(response.body).toEqual({
      board: 'xp',
      period: 'all',
      ranked: false,
      reason: 'hidden',
      score: 900,
    });
    expect(myStandingResponseSchema.safeParse(response.body).success).toBe(true);
  });

  it('answers 404 for an unknown board and 400 for a bad period', async () => {
    expect((await invoke(getMyStanding, meEvent('nope'))).statusCode).toBe(404);
    const response = await invoke(getMyStanding, meEvent('xp', { period: '2026-13' }));
    expect(response.statusCode).toBe(400);
    expect(response.body.error.details[0].field).toBe('period');
  });

  it.each(['-1', '26', 'x'])('answers 400 naming around for %j', async (around) => {
    const response = await invoke(getMyStanding, meEvent('xp', { around }));
    expect(response.statusCode).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual(['around']);
  });

  it('answers 401 without a token and for IAM callers', async () => {
    expect((await invoke(getMyStanding, meEvent('xp', {}, { kind: 'none' }))).statusCode).toBe(401);
    expect((await invoke(getMyStanding, meEvent('xp', {}, { kind: 'iam' }))).statusCode).toBe(401);
  });
});
