import { describe, expect, it } from 'vitest';
import { adjust } from '../../../shared/domain/adjust';
import { apply } from '../../../shared/domain/apply';
import type { Activity, AppliedOutcome, Profile } from '../../../shared/domain/types';
import { activity, expectApplied, NOW, profile } from '../fixtures';
import { expectContracts, oneOff, reward, rulesWithAchievements, unlockedIds } from './helpers';

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

const tiered = (metric: unknown, mins: [number, number, number, number]) => ({
  name: 'Climber',
  description: 'Climb the tiers',
  category: 'narrative' as const,
  rarity: 'common' as const,
  kind: 'tiered' as const,
  metric,
  tiers: (['bronze', 'silver', 'gold', 'platinum'] as const).map((tier, i) => ({
    tier,
    min: mins[i] as number,
    rarity: (['common', 'rare', 'epic', 'legendary'] as const)[i],
    reward: reward(10 * (i + 1), i + 1),
  })),
});

describe('one-off achievements', () => {
  it('unlock once, however often the criterion holds again', () => {
    const rules = rulesWithAchievements({
      first_quiz: oneOff({ kind: 'count', activity: 'quiz_completed', min: 1 }),
    });
    const { outcomes, profile: after } = runAll(rules, profile(), [
      activity('quiz_completed'),
      activity('quiz_completed'),
      activity('quiz_completed'),
    ]);
    expect(outcomes.map(unlockedIds)).toEqual([['first_quiz'], [], []]);
    expect(after.achievements?.earned.first_quiz).toEqual([1, NOW.getTime() / 1000]);
  });

  it('describe the unlock the event item records: id, reward, count, category and rarity', () => {
    const rules = rulesWithAchievements({
      first_quiz: oneOff({ kind: 'count', activity: 'quiz_completed', min: 1 }),
    });
    const outcome = expectApplied(apply(rules, profile(), activity('quiz_completed'), NOW));
    expect(outcome.achievements).toEqual([
      {
        id: 'first_quiz',
        name: 'Test',
        xp: 0,
        coins: 0,
        times: 1,
        category: 'special',
        rarity: 'common',
      },
    ]);
  });
});

describe('rewards through the ledger', () => {
  const rules = rulesWithAchievements({
    first_quiz: oneOff({ kind: 'count', activity: 'quiz_completed', min: 1 }, { reward: reward(80, 15) }),
    xp_100: oneOff({ kind: 'total_xp', min: 100 }, { reward: reward(0, 7) }),
  });

  it('pays the reward in the same entry, listed as bonuses, totals equal to the balance', () => {
    const outcome = expectApplied(apply(rules, profile(), activity('quiz_completed'), NOW));
    const award = { xp: 30, coins: 6 };
    expect(outcome.entry).toMatchObject({
      baseXp: award.xp,
      xp: award.xp + 80,
      coins: award.coins + 15 + 7,
      bonuses: [
        { source: 'achievement', id: 'first_quiz#1', xp: 80, coins: 15 },
        { source: 'achievement', id: 'xp_100#1', xp: 0, coins: 7 },
      ],
      balance: { xp: 110, coins: 28 },
    });
    expect({ xp: outcome.profile.xp, coins: outcome.profile.coins }).toEqual(outcome.entry.balance);
  });

  it('unlocks what the reward XP reaches, and reports the level it crosses', () => {
    const outcome = expectApplied(apply(rules, profile(), activity('quiz_completed'), NOW));
    expect(unlockedIds(outcome)).toEqual(['first_quiz', 'xp_100']);
    expect(outcome.profile.level).toBe(2);
    expect(outcome.levelUps.map((u) => u.level)).toEqual([2]);
    expect(outcome.events.map((e) => e.detailType)).toContain('level.up');
  });

  it('publishes achievement.unlocked and badge.earned for each unlock, within their contracts', () => {
    const outcome = expectApplied(apply(rules, profile(), activity('quiz_completed'), NOW));
    const unlockEvents = outcome.events.filter(
      (e) => e.detailType.startsWith('achievement') || e.detailType.startsWith('badge'),
    );
    expect(unlockEvents.map((e) => [e.detailType, e.data.achievement_id ?? e.data.badge_id])).toEqual([
      ['achievement.unlocked', 'first_quiz'],
      ['badge.earned', 'first_quiz'],
      ['achievement.unlocked', 'xp_100'],
      ['badge.earned', 'xp_100'],
    ]);
    expectContracts(outcome);
  });
});

describe('tiered achievements', () => {
  const rules = rulesWithAchievements({ climber: tiered({ kind: 'total_xp' }, [100, 500, 1000, 5000]) });

  it('unlock every tier crossed by one big award, each its own unlock, marker and event', () => {
    const outcome = expectApplied(
      adjust(
        rules,
        profile(),
        { eventId: 'adj-1', userId: 'user-1', xp: 6000, coins: 0, reason: 'grant' },
        NOW,
      ),
    );
    expect(outcome.achievements.map((a) => [a.id, a.tier, a.times, a.rarity])).toEqual([
      ['climber', 'bronze', 1, 'common'],
      ['climber', 'silver', 2, 'rare'],
      ['climber', 'gold', 3, 'epic'],
      ['climber', 'platinum', 4, 'legendary'],
    ]);
    expect(outcome.entry.xp).toBe(6000 + 10 + 20 + 30 + 40);
    const tiers = outcome.events
      .filter((e) => e.detailType === 'achievement.unlocked')
      .map((e) => e.data.tier);
    expect(tiers).toEqual(['bronze', 'silver', 'gold', 'platinum']);
    expectContracts(outcome);
  });

  it('unlock the next tier only when its threshold is reached', () => {
    const first = expectApplied(
      adjust(
        rules,
        profile(),
        { eventId: 'adj-2', userId: 'user-1', xp: 600, coins: 0, reason: 'grant' },
        NOW,
      ),
    );
    expect(first.achievements.map((a) => a.tier)).toEqual(['bronze', 'silver']);
    const next = expectApplied(apply(rules, first.profile, activity('quiz_completed'), NOW));
    expect(next.achievements).toEqual([]);
    expect(first.profile.achievements?.earned.climber?.[0]).toBe(2);
  });
});

describe('repeatable achievements', () => {
  const rules = rulesWithAchievements({
    habit: {
      ...oneOff({ kind: 'count', activity: 'flashcard_session', min: 2 }, { reward: reward(5, 1) }),
      kind: 'repeatable',
      max_times: 2,
    },
  });

  it('are earned once per min, counted, up to max_times', () => {
    const { outcomes, profile: after } = runAll(
      rules,
      profile(),
      Array.from({ length: 7 }, () => activity('flashcard_session')),
    );
    expect(outcomes.map(unlockedIds)).toEqual([[], ['habit'], [], ['habit#2'], [], [], []]);
    expect(outcomes[3]?.achievements[0]?.times).toBe(2);
    expect(after.achievements?.earned.habit?.[0]).toBe(2);
  });
});
