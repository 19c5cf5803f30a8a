import { describe, expect, it } from 'vitest';
import { adjust } from '../../shared/domain/adjust';
import { ValidationError } from '../../shared/domain/errors';
import { levelForXp, xpForLevel } from '../../shared/domain/level-curve';
import type { Adjustment } from '../../shared/domain/types';
import { defaultRules } from '../../shared/rules/load';
import { awardPart, expectApplied, expectRefused, NOW, profile } from './fixtures';

const rules = defaultRules();

function adjustment(overrides: Partial<Adjustment> = {}): Adjustment {
  return { eventId: 'adj-1', userId: 'user-1', xp: 0, coins: 0, reason: 'support ticket 812', ...overrides };
}

describe('adjust', () => {
  it('grants XP and coins into the same ledger, with the reason', () => {
    const outcome = expectApplied(
      adjust(rules, profile({ xp: 5, coins: 5 }), adjustment({ xp: 50, coins: 20 }), NOW),
    );
    expect(outcome.entry).toEqual({
      eventId: 'adj-1',
      userId: 'user-1',
      kind: 'adjustment',
      reason: 'support ticket 812',
      baseXp: 50,
      baseCoins: 20,
      multiplier: 1,
      xp: 50,
      coins: 20,
      balance: { xp: 55, coins: 25 },
      occurredAt: NOW.toISOString(),
      recordedAt: NOW.toISOString(),
    });
    expect(outcome.markers).toEqual([]);
  });

  it('is never multiplied, whatever the VIP tier and level', () => {
    const xp = xpForLevel(rules.levels, 60);
    const outcome = expectApplied(
      adjust(rules, profile({ xp, level: 60, vipTier: 'premium' }), adjustment({ xp: 10, coins: 10 }), NOW),
    );
    // A level-60 profile meets the catalog's level achievements: their rewards are bonuses, not multiplied either.
    expect(outcome.entry.bonuses?.every((b) => b.source === 'achievement')).toBe(true);
    expect(awardPart(outcome.entry)).toEqual({ multiplier: 1, xp: 10, coins: 10 });
  });

  it('deducts coins down to exactly zero', () => {
    const outcome = expectApplied(adjust(rules, profile({ coins: 30 }), adjustment({ coins: -30 }), NOW));
    expect(outcome.profile.coins).toBe(0);
  });

  it('refuses to take coins below zero', () => {
    const refused = expectRefused(
      adjust(rules, profile({ coins: 30 }), adjustment({ coins: -31 }), NOW),
      'insufficient_coins',
    );
    expect(refused.message).toMatch(/balance is 30/);
  });

  it('refuses to take XP below zero', () => {
    expectRefused(adjust(rules, profile({ xp: 10 }), adjustment({ xp: -11 }), NOW), 'insufficient_xp');
  });

  it('levels up and reports milestones like any award', () => {
    const outcome = expectApplied(adjust(rules, profile(), adjustment({ xp: 1000 }), NOW));
    expect(outcome.profile.level).toBe(levelForXp(rules.levels, 1000));
    expect(outcome.levelUps.length).toBe(outcome.profile.level - 1);
    expect(outcome.milestones.map((m) => m.sceneLevel)).toEqual([1, 2, 3]);
    expect(outcome.events[0]).toEqual({
      detailType: 'points.awarded',
      data: expect.objectContaining({ kind: 'adjustment', xp: 1000, total_xp: 1000, multiplier: 1 }),
    });
  });

  it('lowers level and scene level when XP is deducted, without level-up events', () => {
    const before = profile({ xp: 600, level: levelForXp(rules.levels, 600), sceneLevel: 2 });
    const outcome = expectApplied(adjust(rules, before, adjustment({ xp: -400 }), NOW));
    expect(outcome.profile).toMatchObject({ xp: 200, level: 2, sceneLevel: 0 });
    expect(outcome.levelUps).toEqual([]);
    expect(outcome.events.map((e) => e.detailType)).toEqual(['points.awarded']);
  });

  it('leaves activity counters alone', () => {
    const counters = { daily_login: { hours: {}, days: { '2026-11-23': 1 } } };
    const outcome = expectApplied(adjust(rules, profile({ counters }), adjustment({ coins: 1 }), NOW));
    expect(outcome.profile.counters).toEqual(counters);
  });

  it.each([
    ['xp', { xp: 1_000_001 }],
    ['coins', { coins: -1_000_001 }],
    ['xp', { xp: 1.5 }],
    ['xp', { xp: 0, coins: 0 }],
  ])('rejects a bad %s as a validation error naming it', (field, patch) => {
    const act = () => adjust(rules, profile({ xp: 10_000_000 }), adjustment(patch), NOW);
    expect(act).toThrow(ValidationError);
    try {
      act();
    } catch (error) {
      expect((error as ValidationError).details.map((d) => d.field)).toContain(field);
    }
  });
});
