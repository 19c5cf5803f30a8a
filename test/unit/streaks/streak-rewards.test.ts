import { describe, expect, it } from 'vitest';
import { multiply } from '../../../shared/domain/multipliers';
import type { AppliedOutcome } from '../../../shared/domain/types';
import { defaultRules } from '../../../shared/rules/load';
import { rulesWith } from '../fixtures';
import { daily, last, run, user } from './helpers';

const rules = defaultRules();

/** The streak part of an entry's bonuses (the default achievement catalog pays its own alongside). */
const milestoneBonuses = (o: AppliedOutcome) =>
  (o.entry.bonuses ?? []).filter((b) => b.source === 'streak_milestone');

const quizzes = (first: string, count: number) =>
  daily(first, count).map((at) => ({ type: 'quiz_completed', at }));

function ledgerMatchesTotals(outcomes: AppliedOutcome[]) {
  const xp = outcomes.reduce((sum, o) => sum + o.entry.xp, 0);
  const coins = outcomes.reduce((sum, o) => sum + o.entry.coins, 0);
  expect(last(outcomes).profile).toMatchObject({ xp, coins });
  for (const o of outcomes) {
    const bonus = (o.entry.bonuses ?? []).reduce((s, b) => ({ xp: s.xp + b.xp, coins: s.coins + b.coins }), {
      xp: 0,
      coins: 0,
    });
    expect(o.entry.xp).toBe(multiply(o.entry.baseXp, o.entry.multiplier) + bonus.xp);
    expect(o.entry.coins).toBe(multiply(o.entry.baseCoins, o.entry.multiplier) + bonus.coins);
  }
}

describe('streak milestones and multiplier', () => {
  it('pays the 3-day milestone on the third day, as a bonus on the same ledger entry', () => {
    const outcomes = run(rules, user(), quizzes('2026-11-10', 3));
    const third = last(outcomes);
    expect(milestoneBonuses(third)).toEqual([
      { source: 'streak_milestone', id: 'daily_activity:3', xp: 20, coins: 5 },
      { source: 'streak_milestone', id: 'study:3', xp: 20, coins: 5 },
    ]);
    expect(third.events.filter((e) => e.detailType === 'streak.milestone').map((e) => e.data)).toEqual([
      expect.objectContaining({ streak_type: 'daily_activity', days: 3, bonus_xp: 20, bonus_coins: 5 }),
      expect.objectContaining({ streak_type: 'study', days: 3 }),
    ]);
    ledgerMatchesTotals(outcomes);
  });

  it('pays a milestone once per run: not again the same day, nor when the run goes on', () => {
    const outcomes = run(rules, user(), [
      ...quizzes('2026-11-10', 3),
      { type: 'quiz_completed', at: '2026-11-12T18:00:00Z' },
      ...quizzes('2026-11-13', 3),
    ]);
    const paid = outcomes.flatMap((o) => milestoneBonuses(o).map((b) => b.id));
    expect(paid).toEqual(['daily_activity:3', 'study:3']);
    expect(last(outcomes).profile.streaks?.daily_activity?.paid).toEqual([3]);
    ledgerMatchesTotals(outcomes);
  });

  it('pays it again in a new run after the streak broke', () => {
    const outcomes = run(rules, user(), [...quizzes('2026-11-01', 3), ...quizzes('2026-11-10', 3)]);
    const paid = outcomes.flatMap((o) => milestoneBonuses(o).map((b) => b.id));
    expect(paid).toEqual(['daily_activity:3', 'study:3', 'daily_activity:3', 'study:3']);
    ledgerMatchesTotals(outcomes);
  });

  it('pays the 7-day milestone once the run reaches 7', () => {
    const outcomes = run(rules, user(), quizzes('2026-11-01', 8));
    expect(outcomes.map((o) => milestoneBonuses(o).filter((b) => b.id.startsWith('daily')).length)).toEqual([
      0, 0, 1, 0, 0, 0, 1, 0,
    ]);
    expect(outcomes[6] && milestoneBonuses(outcomes[6])[0]).toEqual({
      source: 'streak_milestone',
      id: 'daily_activity:7',
      xp: 50,
      coins: 15,
    });
  });

  it('multiplies awards by 1.1 from day 3, shown on the ledger entry', () => {
    const outcomes = run(rules, user(), quizzes('2026-11-01', 3));
    expect(outcomes.map((o) => o.entry.multiplier)).toEqual([1, 1, 1.1]);
    // day 3 pays the two 3-day milestones (20 XP each) plus whatever the achievement catalog unlocks
    const third = last(outcomes);
    const bonusXp = (third.entry.bonuses ?? []).reduce((sum, b) => sum + b.xp, 0);
    expect(milestoneBonuses(third).reduce((sum, b) => sum + b.xp, 0)).toBe(40);
    expect(third.entry.xp - bonusXp).toBe(multiply(30, 1.1));
  });

  it('reaches 1.5 at 30 days and stays there', () => {
    const outcomes = run(rules, user(), quizzes('2026-10-01', 32));
    const factors = outcomes.map((o) => o.entry.multiplier);
    // level bonus joins in as XP grows: compare with a profile without streak
    const base = (i: number) => 1 + Math.min(0.25, ((outcomes[i - 1]?.profile.level ?? 1) - 1) * 0.005);
    expect(factors[6]).toBeCloseTo(base(6) * 1.2, 6);
    expect(factors[29]).toBeCloseTo(base(29) * 1.5, 6);
    expect(factors[31]).toBeCloseTo(base(31) * 1.5, 6);
    ledgerMatchesTotals(outcomes);
  });

  it('keeps the product clamped by max_total', () => {
    const clamped = rulesWith((doc) => {
      doc.multipliers.max_total = 1.05;
    });
    const outcomes = run(clamped, user(), quizzes('2026-11-01', 3));
    expect(last(outcomes).entry.multiplier).toBe(1.05);
  });

  it('reads steps and milestones from the rules', () => {
    const custom = rulesWith((doc) => {
      doc.streaks.multiplier.steps = [{ from_days: 2, factor: 2 }];
      doc.streaks.milestones = [{ days: 2, xp: 7, coins: 1 }];
    });
    const outcomes = run(custom, user(), quizzes('2026-11-01', 2));
    expect(last(outcomes).entry).toMatchObject({ multiplier: 2, xp: 60 + 7 + 7, coins: 12 + 1 + 1 });
  });
});
