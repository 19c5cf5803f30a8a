import { describe, expect, it } from 'vitest';
import { viewMyAchievements } from '../../../shared/domain/achievements/views';
import { apply } from '../../../shared/domain/apply';
import type { Activity, AppliedOutcome, Profile } from '../../../shared/domain/types';
import { activity, expectApplied, NOW, profile } from '../fixtures';
import { catalogRules, expectContracts, oneOff, rulesWithAchievements } from './helpers';

function runAll(rules: ReturnType<typeof rulesWithAchievements>, start: Profile, activities: Activity[]) {
  let current = start;
  const outcomes: AppliedOutcome[] = [];
  for (const a of activities) {
    const outcome = expectApplied(apply(rules, current, a, NOW));
    outcomes.push(outcome);
    current = outcome.profile;
  }
  return { outcomes, profile: current };
}

describe('state on the profile', () => {
  it('is plain JSON and stays small under the default-sized catalog', () => {
    const rules = rulesWithAchievements({
      perfect: oneOff({
        kind: 'activity',
        activity: 'quiz_completed',
        where: [{ field: 'score', op: 'eq', value: 100 }],
        min: 50,
      }),
    });
    const { profile: after } = runAll(
      rules,
      profile(),
      Array.from({ length: 40 }, (_, i) =>
        activity(i % 2 ? 'quiz_completed' : 'flashcard_session', { metadata: { score: 100 } }),
      ),
    );
    const state = after.achievements;
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state).toEqual({
      counts: { flashcard_session: 20, quiz_completed: 20 },
      subjects: {},
      matches: { perfect: 20 },
      earned: {},
    });
  });

  it('drops the match tally of an achievement once it is finished', () => {
    const rules = rulesWithAchievements({
      perfect: oneOff({
        kind: 'activity',
        activity: 'quiz_completed',
        where: [{ field: 'score', op: 'eq', value: 100 }],
        min: 2,
      }),
    });
    const { profile: after } = runAll(rules, profile(), [
      activity('quiz_completed', { metadata: { score: 100 } }),
      activity('quiz_completed', { metadata: { score: 100 } }),
      activity('quiz_completed', { metadata: { score: 100 } }),
    ]);
    expect(after.achievements?.matches).toEqual({});
    expect(after.achievements?.earned.perfect?.[0]).toBe(1);
  });
});

describe('the default catalog, applied', () => {
  it('a perfect quiz at 06:30 in Tokyo on a fresh profile unlocks and pays its badges in one entry', () => {
    const rules = catalogRules();
    const occurredAt = '2026-11-22T21:30:00Z';
    const outcome = expectApplied(
      apply(
        rules,
        profile({ timeZone: 'Asia/Tokyo' }),
        activity('quiz_completed', { occurredAt, metadata: { score: 100 } }),
        NOW,
      ),
    );
    expect(outcome.achievements.map((a) => a.id).sort()).toEqual(['early_bird', 'perfect_quiz']);
    const rewards = outcome.achievements.reduce((sum, a) => sum + a.xp, 0);
    expect(outcome.entry.xp).toBe(30 + rewards);
    expect(outcome.profile.xp).toBe(outcome.entry.balance.xp);
    expect(outcome.profile.coins).toBe(outcome.entry.balance.coins);
    expectContracts(outcome);
  });
});

describe('when an achievement was earned', () => {
  it('keeps the first and the latest time, in epoch seconds, and shows them as ISO dates', () => {
    const rules = rulesWithAchievements({
      habit: {
        ...oneOff({ kind: 'count', activity: 'flashcard_session', min: 1 }),
        kind: 'incremental',
      },
      again: { ...oneOff({ kind: 'count', activity: 'flashcard_session', min: 1 }), kind: 'repeatable' },
    });
    const later = new Date(NOW.getTime() + 3_600_000);
    const first = expectApplied(apply(rules, profile(), activity('flashcard_session'), NOW));
    const second = expectApplied(
      apply(rules, first.profile, activity('flashcard_session', { occurredAt: later.toISOString() }), later),
    );
    const seconds = (d: Date) => d.getTime() / 1000;
    expect(second.profile.achievements?.earned).toEqual({
      habit: [1, seconds(NOW)],
      again: [2, seconds(NOW), seconds(later)],
    });
    const again = viewMyAchievements(rules, second.profile).unlocked.find((a) => a.id === 'again');
    expect(again).toMatchObject({
      times: 2,
      unlockedAt: NOW.toISOString(),
      lastUnlockedAt: later.toISOString(),
    });
  });
});
