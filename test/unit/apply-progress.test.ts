import { describe, expect, it } from 'vitest';
import { apply } from '../../shared/domain/apply';
import { levelForXp, xpForLevel } from '../../shared/domain/level-curve';
import { defaultRules } from '../../shared/rules/load';
import { activity, expectApplied, NOW, profile, rulesWith } from './fixtures';

const rules = defaultRules();

const curve = rules.levels;

describe('apply: levels', () => {
  it('reports no level-up when the award stays within the level', () => {
    const outcome = expectApplied(apply(rules, profile({ xp: 10 }), activity('quiz_completed'), NOW));
    expect(outcome.levelUps).toEqual([]);
    // quiz_completed counts for the daily_activity and study streaks
    expect(outcome.events.map((e) => e.detailType)).toEqual([
      'points.awarded',
      'streak.updated',
      'streak.updated',
    ]);
  });

  it('reports one level-up per level crossed by a big award, in order', () => {
    const outcome = expectApplied(apply(rules, profile(), activity('custom', { amount: 500 }), NOW));
    expect(outcome.profile.level).toBe(5);
    expect(outcome.levelUps).toEqual([2, 3, 4, 5].map((level) => ({ level, title: 'Novice' })));
    const ups = outcome.events.filter((e) => e.detailType === 'level.up').map((e) => e.data);
    expect(ups.map((d) => [d.previous_level, d.level])).toEqual([
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
  });

  it('names the new title when a level starts a new band', () => {
    const xp = xpForLevel(curve, 10) - 1;
    const outcome = expectApplied(apply(rules, profile({ xp, level: 9 }), activity('decision_made'), NOW));
    expect(outcome.levelUps).toEqual([{ level: 10, title: 'Apprentice' }]);
    expect(outcome.events.find((e) => e.detailType === 'level.up')?.data).toMatchObject({
      title: 'Apprentice',
      title_changed: true,
    });
  });

  it('stops at max_level and keeps counting XP', () => {
    const xp = xpForLevel(curve, 100) - 1;
    const first = expectApplied(apply(rules, profile({ xp, level: 99 }), activity('quiz_completed'), NOW));
    expect(first.profile.level).toBe(100);
    expect(first.levelUps).toEqual([{ level: 100, title: 'Mythic' }]);
    const second = expectApplied(apply(rules, first.profile, activity('quiz_completed'), NOW));
    expect(second.profile.level).toBe(100);
    expect(second.profile.xp).toBe(first.profile.xp + 38);
    expect(second.levelUps).toEqual([]);
  });

  it('reaches max_level in one award on a short curve', () => {
    const short = rulesWith((doc) => {
      doc.levels = { base_xp: 10, growth: 1, max_level: 3 };
      doc.titles = [{ from_level: 1, to_level: 3, title: 'Player' }];
    });
    const outcome = expectApplied(apply(short, profile(), activity('custom', { amount: 500 }), NOW));
    expect(outcome.levelUps.map((u) => u.level)).toEqual([2, 3]);
    expect(outcome.profile.level).toBe(3);
  });

  it('sets the profile level from its XP after the award', () => {
    const outcome = expectApplied(
      apply(rules, profile({ xp: 1234, level: 8 }), activity('quiz_completed'), NOW),
    );
    expect(outcome.profile.level).toBe(levelForXp(curve, 1264));
  });
});

describe('apply: milestones', () => {
  it('reports one milestone per threshold crossed and raises the scene level', () => {
    const outcome = expectApplied(
      apply(rules, profile({ xp: 200 }), activity('custom', { amount: 300 }), NOW),
    );
    expect(outcome.profile.sceneLevel).toBe(2);
    expect(outcome.milestones.map((m) => [m.sceneLevel, m.xp])).toEqual([
      [1, 250],
      [2, 500],
    ]);
    const reached = outcome.events.filter((e) => e.detailType === 'milestone.reached').map((e) => e.data);
    expect(reached).toEqual([
      expect.objectContaining({ scene_level: 1, milestone_xp: 250, total_xp: 500 }),
      expect.objectContaining({ scene_level: 2, milestone_xp: 500, total_xp: 500 }),
    ]);
  });

  it('reports nothing when no milestone is crossed', () => {
    const outcome = expectApplied(
      apply(rules, profile({ xp: 260, level: 3, sceneLevel: 1 }), activity('quiz_completed'), NOW),
    );
    expect(outcome.milestones).toEqual([]);
    expect(outcome.profile.sceneLevel).toBe(1);
  });

  it('reaches the last scene and reports nothing beyond it', () => {
    const xp = 9_990;
    const before = profile({ xp, level: levelForXp(curve, xp), sceneLevel: 5 });
    const first = expectApplied(apply(rules, before, activity('quiz_completed'), NOW));
    expect(first.milestones.map((m) => m.sceneLevel)).toEqual([6]);
    const second = expectApplied(apply(rules, first.profile, activity('quiz_completed'), NOW));
    expect(second.milestones).toEqual([]);
    expect(second.profile.sceneLevel).toBe(6);
  });

  it('emits points, then level-ups, then milestones', () => {
    const outcome = expectApplied(apply(rules, profile(), activity('custom', { amount: 300 }), NOW));
    expect(outcome.events.map((e) => e.detailType)).toEqual([
      'points.awarded',
      'level.up',
      'level.up',
      'milestone.reached',
      'streak.updated',
    ]);
  });
});
