import { describe, expect, it } from 'vitest';
import {
  HIDDEN_DESCRIPTION,
  HIDDEN_NAME,
  statKey,
  viewCatalog,
  viewMyAchievements,
} from '../../../shared/domain/achievements/views';
import { apply } from '../../../shared/domain/apply';
import type { Profile } from '../../../shared/domain/types';
import { activity, expectApplied, NOW, profile } from '../fixtures';
import { catalogRules, oneOff, reward, rulesWithAchievements } from './helpers';

const rules = rulesWithAchievements({
  secret: oneOff(
    { kind: 'activity', local_time: { to: '07:00' } },
    { name: 'Early Bird', hidden: true, kind: 'incremental' },
  ),
  ten_quizzes: { ...oneOff({ kind: 'count', activity: 'quiz_completed', min: 10 }), kind: 'incremental' },
  four_cards: { ...oneOff({ kind: 'count', activity: 'flashcard_session', min: 4 }), kind: 'incremental' },
  two_lessons: { ...oneOff({ kind: 'count', activity: 'lesson_complete', min: 2 }), kind: 'incremental' },
  untouched: { ...oneOff({ kind: 'count', activity: 'decision_made', min: 5 }), kind: 'incremental' },
  first_quiz: oneOff({ kind: 'count', activity: 'quiz_completed', min: 1 }, { name: 'First Quiz' }),
  climber: {
    name: 'Climber',
    description: 'Earn XP',
    category: 'milestones',
    rarity: 'common',
    kind: 'tiered',
    metric: { kind: 'total_xp' },
    tiers: [
      { tier: 'bronze', min: 50, reward: reward() },
      { tier: 'silver', min: 1000, rarity: 'epic', reward: reward() },
    ],
  },
});

function played(): Profile {
  let current = profile({ timeZone: 'Europe/Berlin' });
  const activities = [
    activity('quiz_completed'),
    activity('quiz_completed'),
    activity('flashcard_session'),
    activity('flashcard_session'),
    activity('flashcard_session'),
    activity('lesson_complete', { subjectId: 'l1' }),
  ];
  for (const a of activities) current = expectApplied(apply(rules, current, a, NOW)).profile;
  return current;
}

describe('GET /v1/achievements: the catalog', () => {
  it('masks hidden achievements and shows the share of users who unlocked each', () => {
    const catalog = viewCatalog(rules, {
      users: 200,
      unlocks: { secret: 3, first_quiz: 150, 'climber#bronze': 50 },
    });
    const secret = catalog.find((a) => a.id === 'secret');
    expect(secret).toMatchObject({
      name: HIDDEN_NAME,
      description: HIDDEN_DESCRIPTION,
      hidden: true,
      unlockedPercent: 1.5,
    });
    expect(catalog.find((a) => a.id === 'first_quiz')).toMatchObject({
      name: 'First Quiz',
      unlockedPercent: 75,
    });
    expect(catalog.find((a) => a.id === 'climber')?.tiers).toMatchObject([
      { tier: 'bronze', rarity: 'common', unlockedPercent: 25 },
      { tier: 'silver', rarity: 'epic', unlockedPercent: 0 },
    ]);
  });

  it('reports 0% before any user exists', () => {
    expect(viewCatalog(rules, { users: 0, unlocks: {} }).every((a) => a.unlockedPercent === 0)).toBe(true);
  });

  it('lists the whole default catalog', () => {
    expect(viewCatalog(catalogRules(), { users: 1, unlocks: {} }).length).toBeGreaterThanOrEqual(27);
  });

  it('counts a user once per achievement or tier: repeats past the first have no stat key', () => {
    expect(statKey('habit', { times: 1 })).toBe('habit');
    expect(statKey('habit', { times: 2 })).toBeNull();
    expect(statKey('climber', { tier: 'gold', times: 3 })).toBe('climber#gold');
  });
});

describe('GET /v1/me/achievements', () => {
  it('lists unlocked achievements with dates and tiers', () => {
    const view = viewMyAchievements(rules, played());
    expect(view.unlocked).toEqual([
      expect.objectContaining({
        id: 'first_quiz',
        name: 'First Quiz',
        times: 1,
        unlockedAt: NOW.toISOString(),
      }),
      expect.objectContaining({ id: 'climber', tier: 'bronze', times: 1, lastUnlockedAt: NOW.toISOString() }),
    ]);
  });

  it('shows progress as current/target, with the next tier of a tiered one', () => {
    const view = viewMyAchievements(rules, played());
    expect(view.inProgress.find((a) => a.id === 'ten_quizzes')?.progress).toEqual({
      current: 2,
      target: 10,
      percent: 20,
    });
    expect(view.inProgress.find((a) => a.id === 'climber')).toMatchObject({
      nextTier: 'silver',
      progress: { target: 1000 },
    });
  });

  it('picks the three closest to unlock, leaving out untouched ones', () => {
    const view = viewMyAchievements(rules, played());
    expect(view.closest.map((a) => a.id)).toEqual(['four_cards', 'two_lessons', 'ten_quizzes']);
  });

  it('keeps a hidden achievement out of sight until unlocked, then shows its name', () => {
    const before = viewMyAchievements(rules, played());
    expect([...before.unlocked, ...before.inProgress].some((a) => a.id === 'secret')).toBe(false);
    // 05:00 in Berlin (UTC+1 in November)
    const early = expectApplied(
      apply(rules, played(), activity('quiz_completed', { occurredAt: '2026-11-23T04:00:00Z' }), NOW),
    );
    expect(viewMyAchievements(rules, early.profile).unlocked.find((a) => a.id === 'secret')?.name).toBe(
      'Early Bird',
    );
  });

  it('is empty for a profile that never played', () => {
    expect(viewMyAchievements(rules, profile()).unlocked).toEqual([]);
  });
});
