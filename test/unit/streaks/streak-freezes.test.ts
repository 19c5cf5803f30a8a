import { describe, expect, it } from 'vitest';
import { buyFreeze, useFreeze } from '../../../shared/domain/streaks/freezes';
import { walletAt } from '../../../shared/domain/streaks/wallet';
import { defaultRules } from '../../../shared/rules/load';
import { expectApplied, expectRefused } from '../fixtures';
import { act, last, run, user } from './helpers';

const rules = defaultRules();

const days = (...instants: string[]) => instants.map((at) => ({ type: 'quiz_completed', at }));

describe('streak freezes', () => {
  it('a new user holds the initial freezes from the rules', () => {
    expect(walletAt(rules, user(), new Date('2026-11-20T12:00:00Z'))).toEqual({ held: 3 });
  });

  it('a missed day consumes one freeze and the streak survives as frozen', () => {
    const outcomes = run(
      rules,
      user(),
      days('2026-11-18T12:00:00Z', '2026-11-19T12:00:00Z', '2026-11-21T12:00:00Z'),
    );
    const change = last(outcomes).streaks.find((s) => s.type === 'daily_activity');
    expect(change).toMatchObject({
      action: 'frozen',
      current: 3,
      frozenDays: ['2026-11-20'],
      freezesLeft: 2,
    });
    expect(last(outcomes).profile.streakFreezes?.held).toBe(2);
    const frozen = last(outcomes).events.find((e) => e.detailType === 'streak.frozen');
    expect(frozen?.data).toMatchObject({ mode: 'automatic', frozen_days: ['2026-11-20'], freezes_used: 1 });
  });

  it('breaks the streak when the gap needs more freezes than are held', () => {
    const start = user({ streakFreezes: { held: 1 } });
    const outcomes = run(
      rules,
      start,
      days('2026-11-17T12:00:00Z', '2026-11-18T12:00:00Z', '2026-11-21T12:00:00Z'),
    );
    const change = last(outcomes).streaks.find((s) => s.type === 'daily_activity');
    expect(change).toMatchObject({ action: 'broken', current: 1, frozenDays: [], freezesLeft: 1 });
  });

  it('gives the freeze back when a late activity fills the frozen day', () => {
    const outcomes = run(rules, user(), [
      ...days('2026-11-18T12:00:00Z', '2026-11-20T12:00:00Z'),
      { type: 'quiz_completed', at: '2026-11-19T12:00:00Z', now: '2026-11-20T13:00:00Z' },
    ]);
    expect(outcomes[1]?.profile.streakFreezes?.held).toBe(2);
    expect(last(outcomes).profile.streakFreezes?.held).toBe(3);
    expect(last(outcomes).profile.streaks?.daily_activity).toMatchObject({
      current: 3,
      frozen: [],
      total: 3,
    });
  });

  it('VIP users get the monthly refill once per local month, up to the maximum', () => {
    const vip = user({ vipTier: 'premium', streakFreezes: { held: 1, refilledMonth: '2026-10' } });
    const november = walletAt(rules, vip, new Date('2026-11-02T12:00:00Z'));
    expect(november).toEqual({ held: 4, refilledMonth: '2026-11' });
    expect(walletAt(rules, { ...vip, streakFreezes: november }, new Date('2026-11-28T12:00:00Z'))).toEqual(
      november,
    );
    expect(
      walletAt(rules, { ...vip, streakFreezes: { held: 4 } }, new Date('2026-12-01T12:00:00Z')).held,
    ).toBe(5);
    expect(walletAt(rules, user({ streakFreezes: { held: 1 } }), new Date('2026-12-01T12:00:00Z')).held).toBe(
      1,
    );
  });

  it('an explicit freeze covers today and keeps the streak alive over the day', () => {
    const kept = act(rules, user(), 'quiz_completed', '2026-11-19T12:00:00Z');
    const used = useFreeze(rules, kept.profile, 'daily_activity', 'req-1', new Date('2026-11-20T12:00:00Z'));
    expect(used.change).toMatchObject({ action: 'frozen', frozenDays: ['2026-11-20'], freezesLeft: 2 });
    expect(used.events.map((e) => [e.detailType, e.data.mode ?? e.data.action])).toEqual([
      ['streak.updated', 'frozen'],
      ['streak.frozen', 'explicit'],
    ]);
    const next = act(rules, used.profile, 'quiz_completed', '2026-11-21T12:00:00Z');
    expect(next.streaks[0]).toMatchObject({
      type: 'daily_activity',
      action: 'increased',
      current: 2,
      freezesLeft: 2,
    });
  });

  it('refuses an explicit freeze with nothing to protect, nothing to spend, or twice a day', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    expect(() => useFreeze(rules, user(), 'daily_activity', 'r', now)).toThrow(/no daily_activity streak/);
    expect(() => useFreeze(rules, user(), 'weekly', 'r', now)).toThrow(/not found/);
    const kept = act(rules, user(), 'quiz_completed', '2026-11-19T12:00:00Z').profile;
    expect(() => useFreeze(rules, kept, 'study', 'r', now)).toThrow(/cannot be frozen/);
    expect(() =>
      useFreeze(rules, { ...kept, streakFreezes: { held: 0 } }, 'daily_activity', 'r', now),
    ).toThrow(/no streak freezes left/);
    const once = useFreeze(rules, kept, 'daily_activity', 'r', now).profile;
    expect(() => useFreeze(rules, once, 'daily_activity', 'r', now)).toThrow(/already frozen today/);
    const today = act(rules, kept, 'quiz_completed', '2026-11-20T11:00:00Z').profile;
    expect(() => useFreeze(rules, today, 'daily_activity', 'r', now)).toThrow(/already kept today/);
  });

  it('buying a freeze takes its price in coins through the ledger', () => {
    const outcome = expectApplied(
      buyFreeze(rules, user({ coins: 250 }), 'buy-1', new Date('2026-11-20T12:00:00Z')),
    );
    expect(outcome.entry).toMatchObject({
      coins: -200,
      xp: 0,
      baseCoins: -200,
      multiplier: 1,
      balance: { coins: 50 },
    });
    expect(outcome.profile).toMatchObject({ coins: 50, streakFreezes: { held: 4 } });
  });

  it('refuses a purchase without the coins, and a conflict when the wallet is full', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    expectRefused(buyFreeze(rules, user({ coins: 199 }), 'buy-2', now), 'insufficient_coins');
    expect(() => buyFreeze(rules, user({ coins: 999, streakFreezes: { held: 5 } }), 'buy-3', now)).toThrow(
      /at most 5/,
    );
  });
});
