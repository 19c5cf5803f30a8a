import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjust } from '../../shared/domain/adjust';
import { apply } from '../../shared/domain/apply';
import { levelForXp } from '../../shared/domain/level-curve';
import { sceneLevelForXp } from '../../shared/domain/milestones';
import { newProfile } from '../../shared/domain/profile';
import type { LedgerEntry, Outcome, Profile } from '../../shared/domain/types';
import { defaultRules } from '../../shared/rules/load';

const rules = defaultRules();

const NOW = new Date('2026-11-23T12:00:00.000Z');

type Op =
  | { kind: 'activity'; type: string; minutesAgo: number; subject: string | null; amount: number | null }
  | { kind: 'adjustment'; xp: number; coins: number };

const activityOp: fc.Arbitrary<Op> = fc.record({
  kind: fc.constant('activity' as const),
  type: fc.constantFrom(...Object.keys(rules.activities), 'unknown_thing'),
  // up to 80 h back: some are too old on purpose
  minutesAgo: fc.integer({ min: -10, max: 80 * 60 }),
  subject: fc.option(fc.constantFrom('s-1', 's-2', 's-3'), { nil: null }),
  amount: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
});

const adjustmentOp: fc.Arbitrary<Op> = fc
  .record({
    kind: fc.constant('adjustment' as const),
    xp: fc.integer({ min: -3000, max: 3000 }),
    coins: fc.integer({ min: -800, max: 800 }),
  })
  .filter((op) => op.xp !== 0 || op.coins !== 0);

const scenario = fc.record({
  vipTier: fc.constantFrom('none' as const, 'standard' as const, 'premium' as const),
  timeZone: fc.constantFrom('UTC', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata'),
  ops: fc.array(fc.oneof({ weight: 4, arbitrary: activityOp }, { weight: 1, arbitrary: adjustmentOp }), {
    maxLength: 80,
  }),
});

function step(profile: Profile, op: Op, index: number, markers: Set<string>): Outcome {
  const eventId = `evt-${index}`;
  if (op.kind === 'adjustment') {
    return adjust(
      rules,
      profile,
      { eventId, userId: profile.userId, xp: op.xp, coins: op.coins, reason: 'ops' },
      NOW,
    );
  }
  const occurredAt = new Date(NOW.getTime() - op.minutesAgo * 60_000).toISOString();
  const activity = {
    eventId,
    userId: profile.userId,
    type: op.type,
    occurredAt,
    ...(op.subject !== null && { subjectId: op.subject }),
    ...(op.amount !== null && { amount: op.amount }),
  };
  return apply(rules, profile, activity, NOW, {
    subjectAlreadyDone: markers.has(`${op.type}#${op.subject}`),
  });
}

describe('ledger invariants over random sequences', () => {
  it('totals always equal the ledger sums, never go negative, and derived fields follow XP', () => {
    fc.assert(
      fc.property(scenario, ({ vipTier, timeZone, ops }) => {
        let profile: Profile = { ...newProfile('user-1', NOW), vipTier, timeZone };
        const ledger: LedgerEntry[] = [];
        const markers = new Set<string>();
        ops.forEach((op, index) => {
          const outcome = step(profile, op, index, markers);
          if (outcome.status === 'refused') return;
          for (const m of outcome.markers) {
            const key = `${m.activityType}#${m.subjectId}`;
            expect(markers.has(key)).toBe(false);
            markers.add(key);
          }
          ledger.push(outcome.entry);
          profile = outcome.profile;
          const xp = ledger.reduce((sum, e) => sum + e.xp, 0);
          const coins = ledger.reduce((sum, e) => sum + e.coins, 0);
          expect(profile.xp).toBe(xp);
          expect(profile.coins).toBe(coins);
          expect(outcome.entry.balance).toEqual({ xp, coins });
          expect(xp).toBeGreaterThanOrEqual(0);
          expect(coins).toBeGreaterThanOrEqual(0);
          expect(profile.level).toBe(levelForXp(rules.levels, xp));
          expect(profile.sceneLevel).toBe(sceneLevelForXp(rules.milestones, xp));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('activities never take anything away', () => {
    fc.assert(
      fc.property(scenario, ({ vipTier, timeZone, ops }) => {
        let profile: Profile = { ...newProfile('user-1', NOW), vipTier, timeZone };
        ops.forEach((op, index) => {
          if (op.kind !== 'activity') return;
          const outcome = step(profile, op, index, new Set());
          if (outcome.status === 'refused') return;
          expect(outcome.entry.xp).toBeGreaterThanOrEqual(outcome.entry.baseXp);
          expect(outcome.entry.coins).toBeGreaterThanOrEqual(outcome.entry.baseCoins);
          expect(outcome.profile.level).toBeGreaterThanOrEqual(profile.level);
          profile = outcome.profile;
        });
      }),
    );
  });
});
