import type { Rules } from '../../rules/schema';
import { wallClock } from '../local-time';
import type { Profile } from '../types';
import type { FreezeWallet } from './state';

/**
 * The user's freeze tokens as of `now`: the stored wallet (or the initial
 * grant for a user who has none yet) plus the VIP refill of the user-local
 * month, applied once per month and never above freezes.max.
 */
export function walletAt(rules: Rules, profile: Profile, now: Date): FreezeWallet {
  const freezes = rules.streaks?.freezes;
  if (!freezes) return profile.streakFreezes ?? { held: 0 };
  const wallet = profile.streakFreezes ?? { held: Math.min(freezes.initial, freezes.max) };
  if (profile.vipTier === 'none') return wallet;
  const month = wallClock(now, profile.timeZone).day.slice(0, 7);
  if (wallet.refilledMonth === month) return wallet;
  const refill = freezes.vip_monthly_refill[profile.vipTier];
  return { held: Math.max(wallet.held, Math.min(freezes.max, wallet.held + refill)), refilledMonth: month };
}
