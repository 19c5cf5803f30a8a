import { describe, expect, it } from 'vitest';
import { apply } from '../../../shared/domain/apply';
import { boardTalliesEvaluator, previousPeriodKey } from '../../../shared/domain/leaderboards/tallies';
import type { Draft } from '../../../shared/domain/progress';
import type { AchievementUnlock, LedgerEntry, Profile } from '../../../shared/domain/types';
import { defaultRules } from '../../../shared/rules/load';
import { activity, expectApplied, NOW, profile, rulesWith } from '../fixtures';

/**
 * Default boards: xp (all time, week, month, UTC) and scenarios
 * (scenario_completed, all time and month); the streak and achievements
 * boards keep all time only.
 */

function draftOf(
  entry: Partial<LedgerEntry> & Pick<LedgerEntry, 'kind' | 'xp' | 'recordedAt'>,
  options: { activityType?: string; tallies?: Profile['boardTallies']; achievements?: number } = {},
): Draft {
  const full: LedgerEntry = {
    eventId: 'evt-1',
    userId: 'user-1',
    reason: 'test',
    baseXp: entry.xp,
    baseCoins: 0,
    multiplier: 1,
    coins: 0,
    balance: { xp: 0, coins: 0 },
    occurredAt: entry.recordedAt,
    ...(options.activityType !== undefined && { activityType: options.activityType }),
    ...entry,
  };
  const unlock: AchievementUnlock = {
    id: 'a',
    name: 'A',
    xp: 0,
    coins: 0,
    times: 1,
    category: 'c',
    rarity: 'common',
  };
  return {
    status: 'applied',
    eventId: full.eventId,
    userId: full.userId,
    entry: full,
    profile: profile(options.tallies ? { boardTallies: options.tallies } : {}),
    levelUps: [],
    milestones: [],
    streaks: [],
    achievements: Array.from({ length: options.achievements ?? 0 }, () => unlock),
    markers: [],
    ...(options.activityType !== undefined && {
      activity: activity(options.activityType, { occurredAt: entry.recordedAt }),
    }),
  };
}

const run = (draft: Draft, rules = defaultRules()) => boardTalliesEvaluator(rules, draft.profile, draft);

describe('board tallies: xp windows', () => {
  it('adds the entry XP to the current ISO week and calendar month', () => {
    const draft = draftOf({ kind: 'activity', xp: 30, recordedAt: '2026-11-23T12:00:00.000Z' });
    expect(run(draft).profile.boardTallies).toEqual({ xp: { '2026-W48': 30, '2026-11': 30 } });
  });

  it('adds to the tallies already there', () => {
    const draft = draftOf(
      { kind: 'adjustment', xp: 70, recordedAt: '2026-11-24T08:00:00.000Z' },
      { tallies: { xp: { '2026-W48': 30, '2026-11': 130 } } },
    );
    expect(run(draft).profile.boardTallies).toEqual({ xp: { '2026-W48': 100, '2026-11': 200 } });
  });

  it('counts the XP of a whole outcome, achievement rewards included, when run by apply', () => {
    const outcome = expectApplied(apply(defaultRules(), profile(), activity('quiz_completed'), NOW));
    expect(outcome.entry.xp).toBeGreaterThan(0);
    expect(outcome.profile.boardTallies?.xp).toEqual({
      '2026-W48': outcome.entry.xp,
      '2026-11': outcome.entry.xp,
    });
  });

  it('floors a negative adjustment at 0', () => {
    const draft = draftOf(
      { kind: 'adjustment', xp: -500, recordedAt: '2026-11-24T08:00:00.000Z' },
      { tallies: { xp: { '2026-W48': 30, '2026-11': 130 } } },
    );
    expect(run(draft).profile.boardTallies).toEqual({ xp: { '2026-W48': 0, '2026-11': 0 } });
  });

  it('starts no period with a negative adjustment', () => {
    const draft = draftOf({ kind: 'adjustment', xp: -50, recordedAt: '2026-11-24T08:00:00.000Z' });
    expect(run(draft).profile.boardTallies).toBeUndefined();
  });

  it('changes nothing for a purchase that moves no XP', () => {
    const tallies = { xp: { '2026-W40': 5, '2026-W41': 10 } };
    const draft = draftOf({ kind: 'purchase', xp: 0, recordedAt: '2026-11-24T08:00:00.000Z' }, { tallies });
    expect(run(draft)).toBe(draft);
  });
});

describe('board tallies: periods', () => {
  it('keeps the previous week and month and drops older ones when a new period starts', () => {
    const draft = draftOf(
      { kind: 'activity', xp: 10, recordedAt: '2026-12-01T09:00:00.000Z' },
      { tallies: { xp: { '2026-W47': 80, '2026-W48': 40, '2026-10': 300, '2026-11': 120 } } },
    );
    expect(run(draft).profile.boardTallies).toEqual({
      xp: { '2026-W48': 40, '2026-W49': 10, '2026-11': 120, '2026-12': 10 },
    });
  });

  it('rolls over into the new year: W53 and December stay as the previous periods', () => {
    const draft = draftOf(
      { kind: 'activity', xp: 10, recordedAt: '2027-01-04T09:00:00.000Z' },
      { tallies: { xp: { '2026-W52': 1, '2026-W53': 2, '2026-11': 3, '2026-12': 4 } } },
    );
    expect(run(draft).profile.boardTallies).toEqual({
      xp: { '2026-W53': 2, '2027-W01': 10, '2026-12': 4, '2027-01': 10 },
    });
  });

  it('starts the week at local midnight in the board time zone (Monday 00:30 in Tokyo)', () => {
    const tokyo = rulesWith((doc) => {
      Object.assign(doc, {
        leaderboards: {
          xp_tokyo: {
            name: 'Tokyo',
            metric: { kind: 'xp' },
            windows: ['week'],
            time_zone: 'Asia/Tokyo',
            bucket_width: 10,
          },
        },
      });
    });
    // Monday 2026-11-30 00:30 in Tokyo is still Sunday 2026-11-29 in UTC.
    const draft = draftOf(
      { kind: 'activity', xp: 25, recordedAt: '2026-11-29T15:30:00.000Z' },
      { tallies: { xp_tokyo: { '2026-W47': 5, '2026-W48': 60 } } },
    );
    expect(run(draft, tokyo).profile.boardTallies).toEqual({ xp_tokyo: { '2026-W48': 60, '2026-W49': 25 } });
  });

  it('names the period before a week and a month, across year ends', () => {
    expect(previousPeriodKey('week', new Date('2027-01-04T09:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(previousPeriodKey('week', new Date('2026-11-29T15:30:00Z'), 'Asia/Tokyo')).toBe('2026-W48');
    expect(previousPeriodKey('month', new Date('2027-01-31T09:00:00Z'), 'UTC')).toBe('2026-12');
    expect(previousPeriodKey('month', new Date('2026-03-31T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-03');
  });
});

describe('board tallies: other metrics', () => {
  it('counts one activity of the board type in the month, and none of another type', () => {
    const scenario = draftOf(
      { kind: 'activity', xp: 0, recordedAt: '2026-11-23T12:00:00.000Z' },
      { activityType: 'scenario_completed' },
    );
    const quiz = draftOf(
      { kind: 'activity', xp: 0, recordedAt: '2026-11-23T12:00:00.000Z' },
      { activityType: 'quiz_completed' },
    );
    expect(run(scenario).profile.boardTallies).toEqual({ scenarios: { '2026-11': 1 } });
    expect(run(quiz).profile.boardTallies).toBeUndefined();
  });

  it('counts the unlocks of an outcome on an achievements board with a week', () => {
    const weekly = rulesWith((doc) => {
      Object.assign(doc, {
        leaderboards: {
          unlocks: {
            name: 'Unlocks',
            metric: { kind: 'achievements_unlocked' },
            windows: ['all_time', 'week'],
            bucket_width: 1,
          },
        },
      });
    });
    const draft = draftOf(
      { kind: 'activity', xp: 0, recordedAt: '2026-11-23T12:00:00.000Z' },
      { achievements: 2, tallies: { unlocks: { '2026-W48': 1 } } },
    );
    expect(run(draft, weekly).profile.boardTallies).toEqual({ unlocks: { '2026-W48': 3 } });
  });

  it('keeps no tallies for boards without a week or month', () => {
    const allTimeOnly = rulesWith((doc) => {
      Object.assign(doc, {
        leaderboards: { xp: { name: 'XP', metric: { kind: 'xp' }, windows: ['all_time'], bucket_width: 10 } },
      });
    });
    const draft = draftOf({ kind: 'activity', xp: 30, recordedAt: '2026-11-23T12:00:00.000Z' });
    expect(run(draft, allTimeOnly)).toBe(draft);
  });
});
