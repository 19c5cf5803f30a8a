import { describe, expect, it } from 'vitest';
import { contenderOf } from '../../../shared/domain/leaderboards/board-scores';
import { periodEndSeconds } from '../../../shared/domain/leaderboards/periods';
import { emptyStreak } from '../../../shared/domain/streaks/state';
import { defaultRules } from '../../../shared/rules/load';
import { profile, rulesWith } from '../fixtures';

const DAY = 86_400;
const KEEP = 400 * DAY;
const at = (iso: string) => Date.parse(iso) / 1000;

describe('contenderOf', () => {
  it('names the user, the profile version and time, the level, and no display name until one is set', () => {
    const contender = contenderOf(defaultRules(), profile({ level: 4, version: 9 }));
    expect(contender).toMatchObject({
      userId: 'user-1',
      profileVersion: 9,
      updatedAt: '2026-11-23T12:00:00.000Z',
      displayName: null,
      level: 4,
      visible: true,
    });
  });

  it('carries the display name and an opt-out', () => {
    const contender = contenderOf(defaultRules(), profile({ displayName: 'Ana', leaderboardVisible: false }));
    expect(contender).toMatchObject({ displayName: 'Ana', visible: false });
  });

  it('scores every all-time board, zeros included, for a fresh profile', () => {
    expect(contenderOf(defaultRules(), profile()).scores).toEqual([
      { board: 'xp', period: 'all', score: 0 },
      { board: 'streak_current', period: 'all', score: 0 },
      { board: 'streak_longest', period: 'all', score: 0 },
      { board: 'scenarios', period: 'all', score: 0 },
      { board: 'achievements', period: 'all', score: 0 },
    ]);
  });

  it('reads each metric from the profile', () => {
    const user = profile({
      xp: 1234,
      streaks: { daily_activity: { ...emptyStreak(), current: 3, longest: 11 } },
      achievements: {
        counts: { scenario_completed: 7, quiz_completed: 2 },
        subjects: {},
        matches: {},
        earned: { first_lesson: [1, 1_700_000_000], storyteller: [3, 1_700_000_000, 1_700_100_000] },
      },
    });
    const all = contenderOf(defaultRules(), user).scores.filter((s) => s.period === 'all');
    expect(Object.fromEntries(all.map((s) => [s.board, s.score]))).toEqual({
      xp: 1234,
      streak_current: 3,
      streak_longest: 11,
      scenarios: 7,
      achievements: 4,
    });
  });

  it('adds the week and month tallies, each expiring keep_closed_days after its period ended', () => {
    const user = profile({
      boardTallies: {
        xp: { '2026-W48': 40, '2026-W49': 0, '2026-11': 120 },
        scenarios: { '2026-11': 2 },
      },
    });
    const windowed = contenderOf(defaultRules(), user).scores.filter((s) => s.period !== 'all');
    expect(windowed).toEqual([
      { board: 'xp', period: '2026-W48', score: 40, expiresAt: at('2026-11-30T00:00:00Z') + DAY + KEEP },
      { board: 'xp', period: '2026-W49', score: 0, expiresAt: at('2026-12-07T00:00:00Z') + DAY + KEEP },
      { board: 'xp', period: '2026-11', score: 120, expiresAt: at('2026-12-01T00:00:00Z') + DAY + KEEP },
      { board: 'scenarios', period: '2026-11', score: 2, expiresAt: at('2026-12-01T00:00:00Z') + DAY + KEEP },
    ]);
  });

  it('uses the board keep_closed_days, and skips tallies of boards the rules no longer have', () => {
    const rules = rulesWith((doc) => {
      Object.assign(doc, {
        leaderboards: {
          weekly: {
            name: 'Weekly',
            metric: { kind: 'xp' },
            windows: ['week'],
            bucket_width: 10,
            keep_closed_days: 7,
          },
        },
      });
    });
    const user = profile({ boardTallies: { weekly: { '2026-W48': 5 }, gone: { '2026-W48': 9 } } });
    expect(contenderOf(rules, user).scores).toEqual([
      {
        board: 'weekly',
        period: '2026-W48',
        score: 5,
        expiresAt: at('2026-11-30T00:00:00Z') + DAY + 7 * DAY,
      },
    ]);
  });

  it('leaves out the tallies of windows that have already expired by the time of the profile', () => {
    const rules = rulesWith((doc) => {
      Object.assign(doc, {
        leaderboards: {
          weekly: {
            name: 'Weekly',
            metric: { kind: 'xp' },
            windows: ['week'],
            bucket_width: 10,
            keep_closed_days: 7,
          },
        },
      });
    });
    // W47 ends 2026-11-23, so it expires 8 days later, on 2026-12-01; W48 on 2026-12-08.
    const user = profile({
      updatedAt: '2026-12-02T00:00:00.000Z',
      boardTallies: { weekly: { '2026-W47': 3, '2026-W48': 5 } },
    });
    expect(contenderOf(rules, user).scores.map((s) => s.period)).toEqual(['2026-W48']);
  });
});

describe('period ends', () => {
  it.each([
    ['2026-W01', '2026-01-05T00:00:00Z'],
    ['2026-W53', '2027-01-04T00:00:00Z'],
    ['2021-W01', '2021-01-11T00:00:00Z'],
    ['2026-02', '2026-03-01T00:00:00Z'],
    ['2026-12', '2027-01-01T00:00:00Z'],
  ])('ends %s a day after %s in UTC', (key, end) => {
    expect(periodEndSeconds(key)).toBe(at(end) + DAY);
  });
});
