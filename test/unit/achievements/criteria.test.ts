import { describe, expect, it } from 'vitest';
import { achievementEvaluator } from '../../../shared/domain/achievements/evaluator';
import { apply } from '../../../shared/domain/apply';
import type { Activity, Profile, StreakState } from '../../../shared/domain/types';
import { activity, expectApplied, expectRefused, NOW, profile } from '../fixtures';
import { oneOff, rulesWithAchievements, unlockedIds } from './helpers';

/** Applies activities in order, each to the profile the previous one left; returns the unlocks of each. */
function run(rules: ReturnType<typeof rulesWithAchievements>, start: Profile, activities: Activity[]) {
  let current = start;
  return activities.map((a) => {
    const outcome = apply(rules, current, a, new Date(a.occurredAt));
    if (outcome.status === 'applied') current = { ...outcome.profile, version: current.version + 1 };
    return unlockedIds(outcome);
  });
}

describe('criterion: count of an activity type', () => {
  it('unlocks when the count reaches min, not before', () => {
    const rules = rulesWithAchievements({
      two_lessons: oneOff({ kind: 'count', activity: 'lesson_complete', min: 2 }),
    });
    const steps = run(rules, profile(), [
      activity('lesson_complete', { subjectId: 'l1' }),
      activity('quiz_completed'),
      activity('lesson_complete', { subjectId: 'l2' }),
    ]);
    expect(steps).toEqual([[], [], ['two_lessons']]);
  });
});

describe('criterion: distinct subjects', () => {
  const rules = rulesWithAchievements({
    two_stories: oneOff({ kind: 'distinct_subjects', activity: 'story_completed', min: 2 }),
  });

  it('counts a subject once: the repeat is refused by its marker and tallies nothing', () => {
    const first = expectApplied(
      apply(rules, profile(), activity('story_completed', { subjectId: 's1' }), NOW),
    );
    const again = apply(rules, first.profile, activity('story_completed', { subjectId: 's1' }), NOW, {
      subjectAlreadyDone: true,
    });
    expectRefused(again, 'already_done_for_subject');
    expect(first.profile.achievements?.subjects).toEqual({ story_completed: 1 });
    const second = apply(rules, first.profile, activity('story_completed', { subjectId: 's2' }), NOW);
    expect(unlockedIds(second)).toEqual(['two_stories']);
  });
});

describe('criterion: total XP and level', () => {
  it('unlocks on total XP reached by the award', () => {
    const rules = rulesWithAchievements({ xp_100: oneOff({ kind: 'total_xp', min: 100 }) });
    expect(unlockedIds(apply(rules, profile({ xp: 80 }), activity('flashcard_session'), NOW))).toEqual([]);
    expect(unlockedIds(apply(rules, profile({ xp: 90 }), activity('flashcard_session'), NOW))).toEqual([
      'xp_100',
    ]);
  });

  it('unlocks on the level the award reaches', () => {
    const rules = rulesWithAchievements({ level_2: oneOff({ kind: 'level', min: 2 }) });
    const outcome = expectApplied(apply(rules, profile({ xp: 95 }), activity('flashcard_session'), NOW));
    expect(outcome.profile.level).toBe(2);
    expect(unlockedIds(outcome)).toEqual(['level_2']);
  });
});

describe('criterion: streak of a type', () => {
  const rules = rulesWithAchievements({
    current_5: oneOff({ kind: 'streak', streak: 'study', measure: 'current', min: 5 }),
    longest_8: oneOff({ kind: 'streak', streak: 'study', measure: 'longest', min: 8 }),
  });

  /** The achievement stage alone, on a draft whose streak state the streak stage would have written. */
  function evaluateWithStreak(streak: Pick<StreakState, 'current' | 'longest'>) {
    const before = profile();
    const base = expectApplied(apply(rulesWithAchievements({}), before, activity('flashcard_session'), NOW));
    const draft = { ...base, profile: { ...base.profile, streaks: { study: streak as StreakState } } };
    return achievementEvaluator(rules, before, draft).achievements.map((a) => a.id);
  }

  it('reads the current length or the longest run, as the criterion says', () => {
    expect(evaluateWithStreak({ current: 5, longest: 5 })).toEqual(['current_5']);
    expect(evaluateWithStreak({ current: 2, longest: 8 })).toEqual(['longest_8']);
    expect(evaluateWithStreak({ current: 4, longest: 7 })).toEqual([]);
  });

  it('reads zero for a streak type the profile has never kept', () => {
    expect(evaluateWithStreak({ current: 0, longest: 0 })).toEqual([]);
  });
});

describe('criterion: activity with a metadata condition', () => {
  const rules = rulesWithAchievements({
    perfect: oneOff({
      kind: 'activity',
      activity: 'quiz_completed',
      where: [{ field: 'score', op: 'eq', value: 100 }],
    }),
    fluent: oneOff({
      kind: 'activity',
      activity: 'scenario_completed',
      where: [
        { field: 'mode', op: 'eq', value: 'conversation' },
        { field: 'fluency', op: 'gte', value: 90 },
      ],
    }),
  });
  const quiz = (metadata: Record<string, unknown>) =>
    unlockedIds(apply(rules, profile(), activity('quiz_completed', { metadata }), NOW));
  const scenario = (metadata: Record<string, unknown>) =>
    unlockedIds(apply(rules, profile(), activity('scenario_completed', { metadata }), NOW));

  it('unlocks only when every condition holds', () => {
    expect(quiz({ score: 100 })).toEqual(['perfect']);
    expect(quiz({ score: 99 })).toEqual([]);
    expect(quiz({})).toEqual([]);
    expect(scenario({ mode: 'conversation', fluency: 90 })).toEqual(['fluent']);
    expect(scenario({ mode: 'conversation', fluency: 89 })).toEqual([]);
    expect(scenario({ mode: 'roleplay', fluency: 95 })).toEqual([]);
  });

  it('compares values of the same type only', () => {
    expect(quiz({ score: '100' })).toEqual([]);
    expect(scenario({ mode: 'conversation', fluency: '95' })).toEqual([]);
  });

  it('ignores the same metadata on another activity type', () => {
    expect(
      unlockedIds(
        apply(
          rules,
          profile(),
          activity('lesson_complete', { subjectId: 'x', metadata: { score: 100 } }),
          NOW,
        ),
      ),
    ).toEqual([]);
  });
});

describe('criterion: activity in a local time-of-day window', () => {
  const rules = rulesWithAchievements({
    early_bird: oneOff({ kind: 'activity', local_time: { to: '07:00' } }),
    night_owl: oneOff({ kind: 'activity', local_time: { from: '23:00' } }),
  });
  const at = (timeZone: string, occurredAt: string) =>
    unlockedIds(
      apply(
        rules,
        profile({ timeZone }),
        activity('flashcard_session', { occurredAt }),
        new Date(occurredAt),
      ),
    );

  it('uses the profile time zone: 11:30Z is 06:30 in New York and 20:30 in Tokyo', () => {
    expect(at('America/New_York', '2026-11-23T11:30:00Z')).toEqual(['early_bird']);
    expect(at('Asia/Tokyo', '2026-11-23T11:30:00Z')).toEqual([]);
  });

  it('uses the profile time zone: 14:30Z is 23:30 in Tokyo and 09:30 in New York', () => {
    expect(at('Asia/Tokyo', '2026-11-23T14:30:00Z')).toEqual(['night_owl']);
    expect(at('America/New_York', '2026-11-23T14:30:00Z')).toEqual([]);
  });

  it('follows daylight saving: 11:30Z is 07:30 in New York in July but 06:30 in November', () => {
    expect(at('America/New_York', '2026-07-01T11:30:00Z')).toEqual([]);
    expect(at('America/New_York', '2026-07-01T10:30:00Z')).toEqual(['early_bird']);
    expect(at('America/New_York', '2026-11-23T11:30:00Z')).toEqual(['early_bird']);
  });

  it('treats the window as half-open and wraps past midnight', () => {
    const wrap = rulesWithAchievements({
      late: oneOff({ kind: 'activity', local_time: { from: '22:00', to: '02:00' } }),
    });
    const hit = (occurredAt: string) =>
      unlockedIds(
        apply(wrap, profile(), activity('flashcard_session', { occurredAt }), new Date(occurredAt)),
      );
    expect(hit('2026-11-23T01:59:00Z')).toEqual(['late']);
    expect(hit('2026-11-23T02:00:00Z')).toEqual([]);
    expect(hit('2026-11-23T22:00:00Z')).toEqual(['late']);
    expect(at('UTC', '2026-11-23T07:00:00Z')).toEqual([]);
  });
});

describe('criterion: all / any composition', () => {
  const rules = rulesWithAchievements({
    both: oneOff({
      kind: 'all',
      of: [
        { kind: 'count', activity: 'quiz_completed', min: 1 },
        { kind: 'count', activity: 'flashcard_session', min: 1 },
      ],
    }),
    either: oneOff({
      kind: 'any',
      of: [
        { kind: 'activity', activity: 'quiz_completed', where: [{ field: 'score', op: 'eq', value: 100 }] },
        { kind: 'total_xp', min: 1000 },
      ],
    }),
  });

  it('all: unlocks when the last part is met', () => {
    expect(run(rules, profile(), [activity('quiz_completed'), activity('flashcard_session')])).toEqual([
      [],
      ['both'],
    ]);
  });

  it('any: unlocks on whichever part is met first', () => {
    expect(run(rules, profile(), [activity('quiz_completed', { metadata: { score: 100 } })])).toEqual([
      ['either'],
    ]);
    expect(run(rules, profile({ xp: 990 }), [activity('flashcard_session')])).toEqual([['either']]);
  });
});
