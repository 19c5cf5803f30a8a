import { describe, expect, it } from 'vitest';
import { InvalidRulesError } from '../../../shared/rules/load';
import type { RulesInput } from '../../../shared/rules/schema';
import { shopFor } from '../../support/shop-fixtures';
import { rulesWith } from '../fixtures';
import { catalogRules, oneOff, reward, rulesWithAchievements } from './helpers';

function issuesOf(edit: (doc: RulesInput) => void): { field: string; message: string }[] {
  try {
    rulesWith(edit);
  } catch (error) {
    if (error instanceof InvalidRulesError) return error.issues;
    throw error;
  }
  throw new Error('expected the rules to be refused');
}

const withAchievements = (achievements: unknown) => (doc: RulesInput) => {
  doc.achievements = achievements as RulesInput['achievements'];
  doc.shop = shopFor(achievements as Record<string, unknown>) as RulesInput['shop'];
};

describe('the default achievement catalog', () => {
  const rules = catalogRules();
  const all = Object.values(rules.achievements);

  it('ships at least 27 achievements across the nine categories', () => {
    expect(all.length).toBeGreaterThanOrEqual(27);
    const categories = new Set(all.map((a) => a.category));
    for (const c of [
      'scenarios',
      'study_time',
      'streaks',
      'vocabulary',
      'conversations',
      'milestones',
      'perfection',
      'engagement',
      'special',
    ]) {
      expect(categories, c).toContain(c);
    }
  });

  it('has tiered achievements for narrative and social activity', () => {
    const tiered = all.filter((a) => a.kind === 'tiered');
    expect(tiered.map((a) => a.category).sort()).toEqual(expect.arrayContaining(['narrative', 'social']));
    for (const a of tiered) {
      if (a.kind === 'tiered')
        expect(a.tiers.map((t) => t.tier)).toEqual(['bronze', 'silver', 'gold', 'platinum']);
    }
  });

  it('uses every kind and rarity, and hides some', () => {
    expect(new Set(all.map((a) => a.kind))).toEqual(
      new Set(['one_off', 'incremental', 'tiered', 'repeatable']),
    );
    expect(new Set(all.map((a) => a.rarity))).toEqual(new Set(['common', 'rare', 'epic', 'legendary']));
    expect(all.some((a) => a.hidden)).toBe(true);
  });

  it('references only streak types the streak rules declare', () => {
    expect(() => catalogRules()).not.toThrow();
  });
});

describe('achievement rules validation', () => {
  it('has no achievements when the key is absent', () => {
    expect(rulesWithAchievements({}).achievements).toEqual({});
  });

  it('refuses an unknown criterion kind, naming the field and the known kinds', () => {
    const issues = issuesOf(withAchievements({ ach: oneOff({ kind: 'moon_phase', min: 1 }) }));
    const issue = issues.find((i) => i.field === 'achievements.ach.criterion.kind');
    expect(issue?.message).toMatch(
      /'count' \| 'distinct_subjects' \| 'total_xp' \| 'level' \| 'streak' \| 'activity' \| 'all' \| 'any'/,
    );
  });

  it('refuses an unknown criterion kind nested in a composition, at its own path', () => {
    const issues = issuesOf(
      withAchievements({ ach: oneOff({ kind: 'all', of: [{ kind: 'level', min: 2 }, { kind: 'vibes' }] }) }),
    );
    expect(issues.map((i) => i.field)).toEqual(['achievements.ach.criterion.of[1].kind']);
  });

  it('refuses a reference to an unknown activity type, naming the field', () => {
    const issues = issuesOf(
      withAchievements({
        ach: oneOff({
          kind: 'any',
          of: [
            { kind: 'level', min: 2 },
            { kind: 'count', activity: 'jogging', min: 1 },
          ],
        }),
      }),
    );
    expect(issues).toContainEqual({
      field: 'achievements.ach.criterion.of[1].activity',
      message: 'unknown activity type jogging',
    });
  });

  it('refuses an unknown activity in a tiered metric', () => {
    const issues = issuesOf(
      withAchievements({
        tier: {
          ...oneOff(undefined),
          kind: 'tiered',
          criterion: undefined,
          reward: undefined,
          metric: { kind: 'count', activity: 'jogging' },
          tiers: [{ tier: 'bronze', min: 1, reward: reward() }],
        },
      }),
    );
    expect(issues.map((i) => i.field)).toContain('achievements.tier.metric.activity');
  });

  it('refuses distinct subjects of an activity that is not first_time_per_subject', () => {
    const issues = issuesOf(
      withAchievements({ ach: oneOff({ kind: 'distinct_subjects', activity: 'quiz_completed', min: 3 }) }),
    );
    expect(issues).toContainEqual({
      field: 'achievements.ach.criterion.activity',
      message: 'quiz_completed is not first_time_per_subject',
    });
  });

  it('refuses a streak type the streak rules do not declare', () => {
    const issues = issuesOf(
      withAchievements({ ach: oneOff({ kind: 'streak', streak: 'moonwalk', min: 3 }) }),
    );
    expect(issues).toContainEqual({
      field: 'achievements.ach.criterion.streak',
      message: 'unknown streak type moonwalk',
    });
  });

  it('refuses tiers that do not rise', () => {
    const issues = issuesOf(
      withAchievements({
        tier: {
          name: 'T',
          description: 'T',
          category: 'narrative',
          rarity: 'common',
          kind: 'tiered',
          metric: { kind: 'total_xp' },
          tiers: [
            { tier: 'bronze', min: 10, reward: reward() },
            { tier: 'silver', min: 10, reward: reward() },
          ],
        },
      }),
    );
    expect(issues.map((i) => i.field)).toContain('achievements.tier.tiers[1]');
  });

  it('refuses a repeatable achievement on a metric that is not a running total', () => {
    const issues = issuesOf(
      withAchievements({ rep: { ...oneOff({ kind: 'level', min: 5 }), kind: 'repeatable' } }),
    );
    expect(issues.map((i) => i.field)).toContain('achievements.rep.criterion.kind');
  });

  it('refuses a malformed time window, an unknown category and an unknown field', () => {
    const issues = issuesOf(
      withAchievements({
        ach: oneOff(
          { kind: 'activity', local_time: { from: '25:00' } },
          { category: 'karaoke', colour: 'red' },
        ),
      }),
    );
    const paths = issues.map((i) => i.field);
    expect(paths).toContain('achievements.ach.criterion.local_time.from');
    expect(paths).toContain('achievements.ach.category');
    expect(paths).toContain('achievements.ach.colour');
  });
});
