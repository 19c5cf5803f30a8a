import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../shared/rules/load';
import { rulesIssuesAfter } from './fixtures';

const issuesAfter = rulesIssuesAfter;

describe('rules schema', () => {
  it('accepts the default rules and fills defaults', () => {
    expect(Object.keys(defaultRules().activities)).toContain('daily_login');
    expect(defaultRules().activities.quiz_completed?.once_per_day).toBe(false);
    expect(defaultRules().activities.daily_login?.caps).toEqual({});
  });

  it('names a gap between title bands', () => {
    const issues = issuesAfter((doc) => {
      const band = doc.titles[1];
      if (band) band.from_level = 11;
    });
    expect(issues).toContainEqual({
      field: 'titles[1].from_level',
      message: expect.stringMatching(/expected 10/),
    });
  });

  it('names title bands that stop short of max_level', () => {
    const issues = issuesAfter((doc) => {
      doc.levels.max_level = 120;
    });
    expect(issues).toContainEqual({ field: 'titles[7].to_level', message: expect.stringMatching(/120/) });
  });

  it('names milestones whose XP does not rise', () => {
    const issues = issuesAfter((doc) => {
      const third = doc.milestones[2];
      if (third) third.xp = 400;
    });
    expect(issues).toContainEqual({ field: 'milestones[2].xp', message: 'milestone XP must rise' });
  });

  it('names milestones out of scene order', () => {
    const issues = issuesAfter((doc) => {
      const first = doc.milestones[0];
      if (first) first.scene_level = 2;
    });
    expect(issues.map((i) => i.field)).toContain('milestones[0].scene_level');
  });

  it('names a premium multiplier below standard', () => {
    const issues = issuesAfter((doc) => {
      doc.multipliers.vip = { standard: 2, premium: 1.5 };
    });
    expect(issues).toContainEqual({
      field: 'multipliers.vip.premium',
      message: 'premium cannot be below standard',
    });
  });

  it('names negative XP on an activity', () => {
    const issues = issuesAfter((doc) => {
      const quiz = doc.activities.quiz_completed;
      if (quiz) quiz.xp = -5;
    });
    expect(issues.map((i) => i.field)).toContain('activities.quiz_completed.xp');
  });

  it('names an unknown key', () => {
    const issues = issuesAfter((doc) => {
      const quiz = doc.activities.quiz_completed as Record<string, unknown> | undefined;
      if (quiz) quiz.bonus = 3;
    });
    expect(issues).toContainEqual({ field: 'activities.quiz_completed.bonus', message: 'unknown field' });
  });

  it('names an unknown top-level key', () => {
    const issues = issuesAfter((doc) => {
      doc.leaderboard = true;
    });
    expect(issues).toContainEqual({ field: 'leaderboard', message: 'unknown field' });
  });

  it('names an hourly cap above the daily cap', () => {
    const issues = issuesAfter((doc) => {
      const quiz = doc.activities.quiz_completed;
      if (quiz) quiz.caps = { per_hour: 10, per_day: 5 };
    });
    expect(issues.map((i) => i.field)).toContain('activities.quiz_completed.caps.per_hour');
  });

  it('names an activity code that is not snake_case', () => {
    const issues = issuesAfter((doc) => {
      doc.activities.BadName = { description: 'x', xp: 1, coins: 1 };
    });
    expect(issues.map((i) => i.field).join(' ')).toMatch(/activities/);
  });

  it('reports every bad field at once', () => {
    const issues = issuesAfter((doc) => {
      doc.levels.growth = 3;
      doc.limits.max_event_age_hours = 0;
    });
    expect(issues.map((i) => i.field)).toEqual(
      expect.arrayContaining(['levels.growth', 'limits.max_event_age_hours']),
    );
  });
});
