import { describe, expect, it } from 'vitest';
import { defaultMonster } from '../../../shared/domain/monster/monster';
import { monsterView } from '../../../shared/domain/monster/view';
import { profile } from '../fixtures';
import { monster, rules } from './catalog';

describe('defaultMonster', () => {
  it('takes its name and color from the rules, wears nothing and is unstored', () => {
    expect(defaultMonster(rules)).toEqual({
      name: 'Mochi',
      baseColor: 'color_orange',
      accessories: [],
      clothing: [],
      features: [],
      patterns: [],
      version: 0,
      updatedAt: null,
    });
  });
});

describe('monsterView', () => {
  // The default milestones: 250, 500, 1000, 2500, 5000, 10000 XP for scene levels 1..6.
  it('starts at 0 percent toward the first milestone', () => {
    const view = monsterView(rules, profile({ xp: 0, sceneLevel: 0 }), defaultMonster(rules), null);
    expect(view).toEqual({
      name: 'Mochi',
      baseColor: { code: 'color_orange', name: 'Orange' },
      customizations: { accessories: [], clothing: [], features: [], patterns: [] },
      sceneLevel: 0,
      scene: null,
      xp: 0,
      nextMilestone: { sceneLevel: 1, xp: 250, xpRemaining: 250 },
      progressPercent: 0,
    });
  });

  it('measures progress from the last milestone reached, floored to a whole percent', () => {
    const scene = {
      imageUrl: 'https://cdn.example/scenes/k/full.webp',
      thumbnails: {
        medium: 'https://cdn.example/scenes/k/medium.webp',
        thumb: 'https://cdn.example/scenes/k/thumb.webp',
      },
    };
    const dressed = monster({ baseColor: 'color_blue', accessories: ['hat_wizard', 'bow_tie'] });
    const view = monsterView(rules, profile({ xp: 1749, sceneLevel: 3 }), dressed, scene);
    expect(view).toMatchObject({
      baseColor: { code: 'color_blue', name: 'Ocean Blue' },
      customizations: { accessories: ['hat_wizard', 'bow_tie'] },
      sceneLevel: 3,
      scene,
      xp: 1749,
      nextMilestone: { sceneLevel: 4, xp: 2500, xpRemaining: 751 },
      progressPercent: 49,
    });
    expect(monsterView(rules, profile({ xp: 1000, sceneLevel: 3 }), dressed, null).progressPercent).toBe(0);
    expect(monsterView(rules, profile({ xp: 2499, sceneLevel: 3 }), dressed, null).progressPercent).toBe(99);
  });

  it('has no next milestone and 100 percent past the last one', () => {
    const view = monsterView(rules, profile({ xp: 12_000, sceneLevel: 6 }), monster(), null);
    expect(view).toMatchObject({ sceneLevel: 6, nextMilestone: null, progressPercent: 100 });
  });

  it('shows a null color name when the catalog no longer has the color', () => {
    const view = monsterView(rules, profile(), monster({ baseColor: 'color_vanished' }), null);
    expect(view.baseColor).toEqual({ code: 'color_vanished', name: null });
  });

  it('hands out copies of the lists, not the monster own arrays', () => {
    const dressed = monster({ features: ['wings'] });
    monsterView(rules, profile(), dressed, null).customizations.features.push('horns');
    expect(dressed.features).toEqual(['wings']);
  });
});
