import { describe, expect, it } from 'vitest';
import { boardSummaries, makeLeaderboardViews } from '../../../shared/app/leaderboard-views';
import { NotFoundError, ValidationError } from '../../../shared/domain/errors';
import type {
  BoardRef,
  LeaderboardStore,
  MyStanding,
  RankedEntry,
  Unranked,
} from '../../../shared/ports/leaderboards';
import { rulesWith } from '../../support/game-fixtures';

// Thursday 2026-12-03 in UTC; already Friday in Tokyo after 15:00 UTC
const NOW = new Date('2026-12-03T12:00:00Z');

const rules = rulesWith((doc) => {
  doc.leaderboards = {
    xp: {
      name: 'Most XP',
      metric: { kind: 'xp' },
      windows: ['all_time', 'week', 'month'],
      bucket_width: 100,
    },
    monthly: {
      name: 'Monthly scenarios',
      metric: { kind: 'activity_count', activity: 'scenario_completed' },
      windows: ['month', 'week'],
      time_zone: 'Asia/Tokyo',
      bucket_width: 5,
    },
  };
});

const entry = (rank: number, userId: string, score: number): RankedEntry => ({
  rank,
  userId,
  displayName: `Player ${userId}`,
  level: 3,
  score,
  reachedAt: '2026-12-01T00:00:00Z',
});

/** Records what the views ask for and answers what the test set. */
function fakeStore(answers: { standing?: MyStanding | Unranked; top?: RankedEntry[] } = {}) {
  const calls: { method: string; board: BoardRef; period: string; n: number }[] = [];
  const store: LeaderboardStore = {
    async top(board, period, limit) {
      calls.push({ method: 'top', board, period, n: limit });
      return answers.top ?? [];
    },
    async standing(board, period, _userId, around) {
      calls.push({ method: 'standing', board, period, n: around });
      return answers.standing ?? { unranked: 'no_score', score: 0 };
    },
    async project() {
      return [];
    },
  };
  return { store, calls };
}

function views(store: LeaderboardStore) {
  return makeLeaderboardViews({ rules, clock: { now: () => NOW }, leaderboards: store });
}

const thrownBy = async (run: () => Promise<unknown>) =>
  run().then(
    () => null,
    (error: unknown) => error,
  );

describe('the list of boards', () => {
  it('gives each board its windows and the key of each current period, in the board time zone', () => {
    expect(boardSummaries(rules, NOW)).toEqual([
      {
        id: 'xp',
        name: 'Most XP',
        metric: { kind: 'xp' },
        windows: ['all_time', 'week', 'month'],
        timeZone: 'UTC',
        currentPeriods: { all_time: 'all', week: '2026-W49', month: '2026-12' },
      },
      {
        id: 'monthly',
        name: 'Monthly scenarios',
        metric: { kind: 'activity_count', activity: 'scenario_completed' },
        windows: ['month', 'week'],
        timeZone: 'Asia/Tokyo',
        currentPeriods: { month: '2026-12', week: '2026-W49' },
      },
    ]);
  });

  it('reads the clock: a new week has a new key', async () => {
    const monday = new Date('2026-12-07T00:00:01Z');
    const { store } = fakeStore();
    const view = makeLeaderboardViews({ rules, clock: { now: () => monday }, leaderboards: store });
    expect(boardSummaries(rules, monday)[0]?.currentPeriods.week).toBe('2026-W50');
    expect((await view.top('xp', { period: 'week', limit: 10 })).period).toBe('2026-W50');
  });
});

describe('the top of a board', () => {
  it('reads all time by default, with the board id and bucket width the store needs', async () => {
    const { store, calls } = fakeStore({ top: [entry(1, 'ann', 900)] });
    const top = await views(store).top('xp', { limit: 10 });
    expect(top).toEqual({ board: 'xp', period: 'all', entries: [entry(1, 'ann', 900)] });
    expect(calls).toEqual([{ method: 'top', board: { id: 'xp', bucketWidth: 100 }, period: 'all', n: 10 }]);
  });

  it("reads a board's first window when it keeps no all-time window", async () => {
    const { store, calls } = fakeStore();
    expect((await views(store).top('monthly', { limit: 3 })).period).toBe('2026-12');
    expect(calls[0]?.board).toEqual({ id: 'monthly', bucketWidth: 5 });
  });

  it('resolves week, month and past periods by key', async () => {
    const { store } = fakeStore();
    const view = views(store);
    expect((await view.top('xp', { period: 'week', limit: 1 })).period).toBe('2026-W49');
    expect((await view.top('xp', { period: 'month', limit: 1 })).period).toBe('2026-12');
    expect((await view.top('xp', { period: '2026-W40', limit: 1 })).period).toBe('2026-W40');
  });

  it('refuses a window the board does not keep or a period not begun, naming period', async () => {
    const { store, calls } = fakeStore();
    for (const period of ['all_time', '2027-01', 'yesterday']) {
      const error = await thrownBy(() => views(store).top('monthly', { period, limit: 1 }));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details.map((d) => d.field)).toEqual(['period']);
    }
    expect(calls).toEqual([]);
  });

  it.each(['nope', 'toString', 'constructor'])('answers NotFound for the unknown board %s', async (id) => {
    const { store, calls } = fakeStore();
    const error = await thrownBy(() => views(store).top(id, { limit: 10 }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe('leaderboard_not_found');
    expect(calls).toEqual([]);
  });
});

describe('my standing', () => {
  const standing: MyStanding = {
    rank: 4,
    score: 500,
    displayName: 'Dee',
    level: 7,
    reachedAt: '2026-12-01T00:00:00Z',
    percentile: 62.5,
    total: 8,
    above: [entry(3, 'bob', 600)],
    below: [entry(5, 'cat', 400)],
  };

  it('gives my exact standing with my own row named and levelled from my score item', async () => {
    const { store, calls } = fakeStore({ standing });
    const view = await views(store).me('dee', 'xp', { period: 'week', around: 1 });
    expect(view).toEqual({
      board: 'xp',
      period: '2026-W49',
      ranked: true,
      me: { rank: 4, userId: 'dee', displayName: 'Dee', level: 7, score: 500 },
      standing,
    });
    expect(calls).toEqual([
      { method: 'standing', board: { id: 'xp', bucketWidth: 100 }, period: '2026-W49', n: 1 },
    ]);
  });

  it('shows a user without a display name as null', async () => {
    const { store } = fakeStore({ standing: { ...standing, displayName: null } });
    const view = await views(store).me('dee', 'xp', { around: 5 });
    expect(view.ranked && view.me.displayName).toBeNull();
  });

  it.each([[{ unranked: 'no_score', score: 0 }], [{ unranked: 'hidden', score: 120 }]] as const)(
    'says why I have no rank: %o',
    async (unranked) => {
      const { store } = fakeStore({ standing: unranked });
      expect(await views(store).me('eve', 'xp', { around: 5 })).toEqual({
        board: 'xp',
        period: 'all',
        ranked: false,
        standing: unranked,
      });
    },
  );

  it('refuses an unknown board and a bad period before reading anything', async () => {
    const { store, calls } = fakeStore();
    expect(await thrownBy(() => views(store).me('eve', 'nope', { around: 5 }))).toBeInstanceOf(NotFoundError);
    expect(
      await thrownBy(() => views(store).me('eve', 'xp', { period: '2026-W54', around: 5 })),
    ).toBeInstanceOf(ValidationError);
    expect(calls).toEqual([]);
  });
});
