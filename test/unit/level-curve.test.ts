import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  levelForXp,
  levelProgress,
  levelThresholds,
  reachableMaxLevel,
  stepXp,
  xpForLevel,
} from '../../shared/domain/level-curve';
import { defaultRules } from '../../shared/rules/load';
import type { LevelCurve } from '../../shared/rules/schema';

const curve = defaultRules().levels;

const curves: fc.Arbitrary<LevelCurve> = fc.record({
  base_xp: fc.integer({ min: 1, max: 1_000_000 }),
  growth: fc.double({ min: 1, max: 2, noNaN: true }),
  max_level: fc.integer({ min: 2, max: 1000 }),
});

describe('level curve (default rules)', () => {
  it('starts level 1 at 0 XP and level 2 at base_xp', () => {
    expect(levelForXp(curve, 0)).toBe(1);
    expect(levelForXp(curve, 99)).toBe(1);
    expect(levelForXp(curve, 100)).toBe(2);
  });

  it('adds round(100 * 1.15^(L-1)) per level', () => {
    expect(levelThresholds(curve).slice(1, 7)).toEqual([0, 100, 215, 347, 499, 674]);
  });

  it('caps at max_level however much XP there is', () => {
    expect(levelForXp(curve, Number.MAX_SAFE_INTEGER)).toBe(100);
    expect(levelProgress(curve, Number.MAX_SAFE_INTEGER)).toEqual({
      level: 100,
      xpToNextLevel: 0,
      progressPercent: 100,
    });
  });

  it('reports progress through the current level', () => {
    expect(levelProgress(curve, 157)).toEqual({ level: 2, xpToNextLevel: 58, progressPercent: 49 });
  });

  it('hands out a copy of the cached table', () => {
    const table = levelThresholds(curve);
    table[2] = 1;
    expect(levelThresholds(curve)[2]).toBe(100);
  });

  it('stops the table where a steep curve outgrows exact integers', () => {
    const steep = { base_xp: 1_000_000, growth: 2, max_level: 1000 };
    const reachable = reachableMaxLevel(steep);
    expect(reachable).toBeLessThan(1000);
    expect(Number.isSafeInteger(xpForLevel(steep, reachable))).toBe(true);
    expect(levelForXp(steep, Number.MAX_SAFE_INTEGER)).toBe(reachable);
  });
});

describe('level curve properties', () => {
  it('thresholds are strictly increasing integers, each step round(base * growth^(L-1))', () => {
    fc.assert(
      fc.property(curves, (c) => {
        const t = levelThresholds(c);
        const top = reachableMaxLevel(c);
        expect(t[1]).toBe(0);
        expect(t.length).toBe(top + 1);
        for (let level = 2; level <= top; level++) {
          const current = t[level] ?? Number.NaN;
          const previous = t[level - 1] ?? Number.NaN;
          expect(Number.isSafeInteger(current)).toBe(true);
          expect(current).toBeGreaterThan(previous);
          expect(current - previous).toBe(Math.round(c.base_xp * c.growth ** (level - 2)));
          expect(current - previous).toBe(stepXp(c, level - 1));
        }
      }),
    );
  });

  it('level(threshold[L]) == L and level(threshold[L] - 1) == L - 1', () => {
    fc.assert(
      fc.property(curves, (c) => {
        const t = levelThresholds(c);
        for (let level = 2; level < t.length; level++) {
          const threshold = t[level] ?? Number.NaN;
          expect(levelForXp(c, threshold)).toBe(level);
          expect(levelForXp(c, threshold - 1)).toBe(level - 1);
        }
      }),
    );
  });

  it('reaches max_level whenever the total stays within exact integers', () => {
    fc.assert(
      fc.property(curves, (c) => {
        let total = 0;
        for (let level = 1; level < c.max_level; level++) total += stepXp(c, level);
        expect(reachableMaxLevel(c) === c.max_level).toBe(Number.isSafeInteger(total));
      }),
    );
  });

  it('level is monotone non-decreasing in XP', () => {
    fc.assert(
      fc.property(
        curves,
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        (c, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(levelForXp(c, low)).toBeLessThanOrEqual(levelForXp(c, high));
        },
      ),
    );
  });

  it('progress stays within its level: 0 <= percent < 100 below the max', () => {
    fc.assert(
      fc.property(fc.nat({ max: 800_000_000 }), (xp) => {
        const p = levelProgress(curve, xp);
        expect(p.level).toBe(levelForXp(curve, xp));
        if (p.level < curve.max_level) {
          expect(p.progressPercent).toBeGreaterThanOrEqual(0);
          expect(p.progressPercent).toBeLessThan(100);
          expect(xp + p.xpToNextLevel).toBe(xpForLevel(curve, p.level + 1));
        }
      }),
    );
  });
});
