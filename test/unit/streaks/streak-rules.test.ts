import { describe, expect, it } from 'vitest';
import { InvalidRulesError, parseRules } from '../../../shared/rules/load';
import { rulesDocument, rulesWith } from '../fixtures';

function refusal(edit: (doc: ReturnType<typeof rulesDocument>) => void): string {
  try {
    rulesWith(edit);
  } catch (error) {
    if (error instanceof InvalidRulesError) return error.message;
    throw error;
  }
  throw new Error('expected the rules to be refused');
}

describe('streak rules', () => {
  it('ships the four default streak types, each naming what counts', () => {
    const rules = rulesWith(() => {});
    expect(Object.keys(rules.streaks.types)).toEqual(['daily_activity', 'daily_login', 'study', 'story']);
    expect(rules.streaks.types.daily_activity?.activities).toBe('any');
    expect(rules.streaks.types.daily_login?.activities).toEqual(['daily_login']);
    expect(rules.streaks.milestones.map((m) => m.days)).toEqual([3, 7, 14, 30, 60, 100, 365]);
    expect(rules.streaks.freezes.initial).toBe(3);
  });

  it('requires the streaks section', () => {
    const doc = rulesDocument() as Record<string, unknown>;
    delete doc.streaks;
    expect(() => parseRules(doc, 'test')).toThrow(/streaks/);
  });

  it('refuses a streak type that counts an unknown activity', () => {
    expect(
      refusal((doc) => {
        doc.streaks.types.study = { description: 'x', activities: ['meditation'] };
      }),
    ).toMatch(/streaks\.types\.study\.activities\[0\]: unknown activity meditation/);
  });

  it('refuses more initial freezes than the maximum', () => {
    expect(
      refusal((doc) => {
        doc.streaks.freezes.initial = 6;
      }),
    ).toMatch(/streaks\.freezes\.initial/);
  });

  it('refuses a multiplier that follows an unknown streak type', () => {
    expect(
      refusal((doc) => {
        doc.streaks.multiplier.streak_type = 'weekly';
      }),
    ).toMatch(/unknown streak type weekly/);
  });

  it('refuses milestones out of order and falling multiplier factors', () => {
    expect(
      refusal((doc) => {
        doc.streaks.milestones = [
          { days: 7, xp: 1, coins: 1 },
          { days: 3, xp: 1, coins: 1 },
        ];
      }),
    ).toMatch(/streaks\.milestones\[1\]\.days: days must rise/);
    expect(
      refusal((doc) => {
        doc.streaks.multiplier.steps = [
          { from_days: 3, factor: 1.3 },
          { from_days: 7, factor: 1.2 },
        ];
      }),
    ).toMatch(/factors cannot fall/);
  });

  it('refuses grace beyond six hours and unknown fields', () => {
    expect(
      refusal((doc) => {
        doc.streaks.types.story = { description: 'x', activities: 'any', grace_hours: 7 };
      }),
    ).toMatch(/grace_hours/);
    expect(
      refusal((doc) => {
        (doc.streaks as Record<string, unknown>).weekly = true;
      }),
    ).toMatch(/weekly/);
  });
});
