import type { Monster } from '../domain/monster/monster';
import type { Profile } from '../domain/types';
import type { ActivityState } from './game';

/** What a purchase decides on: the profile, the items owned, and (for a redemption) the user's count of that reward. */
export interface PurchaseState extends ActivityState {
  owned: Set<string>;
  redeemedCount: number;
}

export interface Redemption {
  /** the redemption's event id (the idempotency key) */
  id: string;
  rewardId: string;
  costCoins: number;
  status: 'pending' | 'fulfilled' | 'cancelled';
  redeemedAt: string;
}

export interface RedemptionPage {
  redemptions: Redemption[];
  nextCursor: string | null;
}

/** Shop and reward reads; purchases are written by GameStore.saveOutcome with the outcome. */
export interface ShopStore {
  /** Consistent reads of the profile, the owned items and the user's count of `rewardId`. */
  loadPurchaseState(userId: string, rewardId?: string): Promise<PurchaseState>;
  listOwnedItems(userId: string): Promise<Set<string>>;
  /** Newest first. Throws ValidationError for a cursor that is not this user's. */
  listRedemptions(userId: string, page: { limit: number; cursor?: string }): Promise<RedemptionPage>;
  /** reward id -> how many times this user redeemed it */
  listRedeemedCounts(userId: string): Promise<Map<string, number>>;
  /** reward id -> redeemed by everyone, for the rewards that have a counter */
  readRedeemedTotals(rewardIds: readonly string[]): Promise<Map<string, number>>;
}

/** Reads a profile (consistently), and nothing else. */
export interface ProfileReader {
  getProfile(userId: string): Promise<Profile | null>;
}

export interface MonsterStore {
  /** null while the user has never changed their monster (the default one stands) */
  getMonster(userId: string): Promise<Monster | null>;
  /**
   * Creates or replaces the monster, guarded by the version it was read at
   * (`monster.version`, 0 = never stored). Throws StaleProfileError when it
   * changed since. Returns the monster as stored (version bumped).
   */
  saveMonster(userId: string, monster: Monster): Promise<Monster>;
}

/**
 * The per-user request limits of the rules (rules.shop.rate_limits): counted
 * in the table, so every Lambda instance sees the same count.
 */
export type RateLimitBucket = 'shop' | 'customization';

export interface RateLimiter {
  /**
   * Counts one request of the user in the bucket's current one-minute window;
   * throws RateLimitedError (retryAfterSeconds = until the window ends) once
   * `limitPerMinute` requests were counted in it.
   */
  hit(userId: string, bucket: RateLimitBucket, limitPerMinute: number): Promise<void>;
}

/** Costly actions a user may take once per period (a scene request: seed 000 s8). */
export type CooldownBucket = 'scenes';

export interface Cooldown {
  /**
   * Takes the user's one action in the bucket per `seconds`: throws
   * RateLimitedError (with the seconds left) while the last is younger.
   */
  claim(userId: string, bucket: CooldownBucket, now: Date, seconds: number): Promise<void>;
}

/** A limited reward's stock ran out (the stock counter's condition failed): nothing was written. */
export class OutOfStockError extends Error {
  override readonly name = 'OutOfStockError';
}
