import { describe, expect, it } from 'vitest';
import { rulesWith } from '../../support/game-fixtures';
import { rulesIssuesAfter } from '../fixtures';

const issuesOf = rulesIssuesAfter;

const board = (overrides: Record<string, unknown>) => ({
  name: 'A board',
  metric: { kind: 'xp' },
  windows: ['all_time'],
  bucket_width: 10,
  ...overrides,
});

describe('leaderboard rules', () => {
  it('ships boards for XP (all time, week, month), both streaks, scenarios and achievements', () => {
    const { leaderboards } = rulesWith();
    expect(Object.keys(leaderboards)).toEqual([
      'xp',
      'streak_current',
      'streak_longest',
      'scenarios',
      'achievements',
    ]);
    expect(leaderboards.xp).toMatchObject({
      windows: ['all_time', 'week', 'month'],
      time_zone: 'UTC',
      keep_closed_days: 400,
    });
  });

  it('allows a document without boards', () => {
    expect(rulesWith((doc) => Object.assign(doc, { leaderboards: {} })).leaderboards).toEqual({});
  });

  it.each([
    [
      'an unknown streak type',
      board({ metric: { kind: 'streak', streak: 'yoga', measure: 'current' } }),
      'leaderboards.board_b.metric.streak',
    ],
    [
      'an unknown activity',
      board({ metric: { kind: 'activity_count', activity: 'karaoke' } }),
      'leaderboards.board_b.metric.activity',
    ],
    [
      'a streak board by week',
      board({ metric: { kind: 'streak', streak: 'daily_activity', measure: 'longest' }, windows: ['week'] }),
      'leaderboards.board_b.windows',
    ],
    ['a window listed twice', board({ windows: ['week', 'week'] }), 'leaderboards.board_b.windows'],
    ['a zone that is not IANA', board({ time_zone: 'Mars/Olympus' }), 'leaderboards.board_b.time_zone'],
    ['a bucket width of 0', board({ bucket_width: 0 }), 'leaderboards.board_b.bucket_width'],
    ['an unknown metric', board({ metric: { kind: 'vibes' } }), 'leaderboards.board_b.metric.kind'],
  ])('refuses %s, naming the field', (_case, definition, path) => {
    const issues = issuesOf((doc) => Object.assign(doc, { leaderboards: { board_b: definition } }));
    expect(issues.map((i) => i.field)).toContain(path);
  });
});
