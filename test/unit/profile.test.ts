import { describe, expect, it } from 'vitest';
import { xpForLevel } from '../../shared/domain/level-curve';
import { isValidTimeZone, localDateKey } from '../../shared/domain/local-time';
import { nextMilestone, sceneLevelForXp } from '../../shared/domain/milestones';
import { newProfile, viewProfile } from '../../shared/domain/profile';
import { titleForLevel } from '../../shared/domain/titles';
import { defaultRules } from '../../shared/rules/load';
import { NOW, profile } from './fixtures';

const rules = defaultRules();

describe('newProfile', () => {
  it('starts at level 1 with nothing, in UTC, unstored', () => {
    expect(newProfile('u-9', NOW)).toEqual({
      userId: 'u-9',
      xp: 0,
      coins: 0,
      level: 1,
      sceneLevel: 0,
      vipTier: 'none',
      timeZone: 'UTC',
      version: 0,
      counters: {},
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
  });
});

describe('viewProfile', () => {
  it('derives level, title, progress and the next milestone from XP', () => {
    const view = viewProfile(rules, profile({ xp: 157, coins: 12 }));
    expect(view).toMatchObject({
      xp: 157,
      coins: 12,
      level: 2,
      title: 'Novice',
      xpToNextLevel: 58,
      levelProgressPercent: 49,
      sceneLevel: 0,
      nextMilestone: { sceneLevel: 1, xp: 250, xpRemaining: 93 },
    });
  });

  it('shows no next milestone once all are reached, and 100% at the max level', () => {
    const xp = xpForLevel(rules.levels, 100) + 5;
    const view = viewProfile(rules, profile({ xp }));
    expect(view).toMatchObject({
      level: 100,
      title: 'Mythic',
      xpToNextLevel: 0,
      levelProgressPercent: 100,
      sceneLevel: 6,
      nextMilestone: null,
    });
  });
});

describe('titles and milestones', () => {
  it.each([
    [1, 'Novice'],
    [9, 'Novice'],
    [10, 'Apprentice'],
    [69, 'Grandmaster'],
    [70, 'Legend'],
    [100, 'Mythic'],
  ])('level %i is titled %s', (level, title) => {
    expect(titleForLevel(rules, level)).toBe(title);
  });

  it.each([
    [0, 0],
    [249, 0],
    [250, 1],
    [9_999, 5],
    [10_000, 6],
  ])('%i XP is scene level %i', (xp, scene) => {
    expect(sceneLevelForXp(rules.milestones, xp)).toBe(scene);
  });

  it('finds the first milestone strictly above the XP', () => {
    expect(nextMilestone(rules.milestones, 250)?.scene_level).toBe(2);
  });
});

describe('local time', () => {
  it('recognises IANA zones and rejects others', () => {
    expect(isValidTimeZone('Europe/Madrid')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('falls back to UTC for a stored zone that is not valid', () => {
    expect(localDateKey(new Date('2026-11-23T23:30:00Z'), 'Mars/Olympus')).toBe('2026-11-23');
    expect(localDateKey(new Date('2026-11-23T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-11-24');
  });
});
