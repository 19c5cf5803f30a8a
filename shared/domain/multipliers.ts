import type { Rules } from '../rules/schema';
import type { VipTier } from './types';

/**
 * Multipliers are resolved to millionths and applied in integer arithmetic:
 * 10 * 1.05 must round half up to 11 every time, whatever binary floating
 * point makes of 1.05.
 */
const SCALE = 1_000_000;

function vipFactor(rules: Rules, tier: VipTier): number {
  if (tier === 'none') return 1;
  return rules.multipliers.vip[tier];
}

/**
 * vip * (1 + min(level_bonus.max, (level - 1) * level_bonus.per_level)) * streak,
 * clamped to max_total. `level` is the level before the award; `streak` is the
 * streak factor (shared/domain/streaks/multiplier.ts), 1 without a streak.
 */
export function multiplierFor(rules: Rules, tier: VipTier, level: number, streak = 1): number {
  const { level_bonus: bonus, max_total: maxTotal } = rules.multipliers;
  const levelBonus = Math.min(bonus.max, Math.max(0, level - 1) * bonus.per_level);
  const raw = Math.min(maxTotal, vipFactor(rules, tier) * (1 + levelBonus) * streak);
  return Math.round(raw * SCALE) / SCALE;
}

/** base * multiplier, rounded half up, for base >= 0. */
export function multiply(base: number, multiplier: number): number {
  const scaled = Math.round(multiplier * SCALE);
  return Math.floor((base * scaled + SCALE / 2) / SCALE);
}
