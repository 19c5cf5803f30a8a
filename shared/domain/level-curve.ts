import type { LevelCurve } from '../rules/schema';

/**
 * Level L -> L+1 needs round(base_xp * growth^(L-1)) XP; thresholds are the
 * cumulative sums, so level 1 starts at 0 XP. The table is built once per curve
 * object (the rules are parsed once per process), which keeps apply() cheap.
 */

const tables = new WeakMap<LevelCurve, readonly number[]>();

/** XP needed to go from `level` to `level + 1`. */
export function stepXp(curve: LevelCurve, level: number): number {
  return Math.round(curve.base_xp * curve.growth ** (level - 1));
}

function table(curve: LevelCurve): readonly number[] {
  const cached = tables.get(curve);
  if (cached) return cached;
  // Index = level; index 0 mirrors level 1 so that table[level] reads naturally.
  const thresholds = [0, 0];
  for (let level = 1; level < curve.max_level; level++) {
    const next = (thresholds[level] ?? 0) + stepXp(curve, level);
    // A steep curve can overflow exact integers long before max_level; levels
    // past that point are unreachable, so the table simply stops there.
    if (!Number.isSafeInteger(next)) break;
    thresholds.push(next);
  }
  tables.set(curve, thresholds);
  return thresholds;
}

/**
 * Cumulative XP at which each level starts: `levelThresholds(curve)[L]` for
 * 1 <= L <= reachableMaxLevel(curve); index 0 is 0 so indexes equal levels.
 */
export function levelThresholds(curve: LevelCurve): number[] {
  return [...table(curve)];
}

/** max_level, unless the curve outgrows exact integers before it. */
export function reachableMaxLevel(curve: LevelCurve): number {
  return table(curve).length - 1;
}

/** XP at which `level` starts (level clamped to 1..reachable max). */
export function xpForLevel(curve: LevelCurve, level: number): number {
  const thresholds = table(curve);
  const clamped = Math.min(Math.max(1, Math.trunc(level)), thresholds.length - 1);
  return thresholds[clamped] ?? 0;
}

/** The highest level whose threshold is <= xp (binary search over the table). */
export function levelForXp(curve: LevelCurve, xp: number): number {
  const thresholds = table(curve);
  let low = 1;
  let high = thresholds.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if ((thresholds[mid] ?? Number.POSITIVE_INFINITY) <= xp) low = mid;
    else high = mid - 1;
  }
  return low;
}

export interface LevelProgress {
  level: number;
  /** XP still missing for the next level; 0 at the max level */
  xpToNextLevel: number;
  /** 0..100, whole percent of the way through the current level; 100 at the max level */
  progressPercent: number;
}

export function levelProgress(curve: LevelCurve, xp: number): LevelProgress {
  const level = levelForXp(curve, xp);
  if (level >= reachableMaxLevel(curve)) return { level, xpToNextLevel: 0, progressPercent: 100 };
  const start = xpForLevel(curve, level);
  const next = xpForLevel(curve, level + 1);
  const progressPercent = Math.floor(((xp - start) * 100) / (next - start));
  return { level, xpToNextLevel: next - xp, progressPercent };
}
