import { describe, expect, it } from 'vitest';
import { apply } from '../../shared/domain/apply';
import { ValidationError } from '../../shared/domain/errors';
import { xpForLevel } from '../../shared/domain/level-curve';
import { defaultRules } from '../../shared/rules/load';
import { activity, at, awardPart, expectApplied, expectRefused, NOW, profile, rulesWith } from './fixtures';

const rules = defaultRules();

const curve = rules.levels;

describe('apply: the award', () => {
  it('awards the activity XP and coins and records a ledger entry with the balance after', () => {
    const before = profile({ xp: 10, coins: 3 });
    const outcome = expectApplied(apply(rules, before, activity('quiz_completed', { eventId: 'q-1' }), NOW));
    expect(outcome.entry).toEqual({
      eventId: 'q-1',
      userId: 'user-1',
      kind: 'activity',
      activityType: 'quiz_completed',
      reason: 'Completed a quiz',
      baseXp: 30,
      baseCoins: 6,
      multiplier: 1,
      xp: 30,
      coins: 6,
      balance: { xp: 40, coins: 9 },
      occurredAt: NOW.toISOString(),
      recordedAt: NOW.toISOString(),
    });
    expect(outcome.profile).toMatchObject({ xp: 40, coins: 9, level: 1 });
  });

  it('keeps the version it read and stamps updatedAt with now', () => {
    const later = new Date(NOW.getTime() + 60_000);
    const outcome = expectApplied(apply(rules, profile({ version: 7 }), activity('quiz_completed'), later));
    expect(outcome.profile.version).toBe(7);
    expect(outcome.profile.updatedAt).toBe(later.toISOString());
    expect(outcome.entry.recordedAt).toBe(later.toISOString());
  });

  it('counts the award for the streaks that name it and leaves the achievement seam empty', () => {
    const outcome = expectApplied(apply(rules, profile(), activity('quiz_completed'), NOW));
    expect(outcome.streaks.map((s) => [s.type, s.action])).toEqual([
      ['daily_activity', 'started'],
      ['study', 'started'],
    ]);
    expect(outcome.achievements).toEqual([]);
  });

  it('refuses an unknown activity type, even one named like an Object property', () => {
    expectRefused(apply(rules, profile(), activity('meditation'), NOW), 'unknown_activity');
    expectRefused(apply(rules, profile(), activity('constructor'), NOW), 'unknown_activity');
  });

  it('rejects an activity for another user as a programming error', () => {
    expect(() =>
      apply(rules, profile(), activity('quiz_completed', { userId: 'someone-else' }), NOW),
    ).toThrow();
  });

  it('rejects an unparseable occurredAt as a validation error', () => {
    expect(() => apply(rules, profile(), activity('quiz_completed', { occurredAt: 'soon' }), NOW)).toThrow(
      ValidationError,
    );
  });
});

describe('apply: event age', () => {
  it('accepts an activity exactly max_event_age_hours old and refuses one a second older', () => {
    const edge = at(NOW, -72 * 60);
    expectApplied(apply(rules, profile(), activity('quiz_completed', { occurredAt: edge }), NOW));
    const older = new Date(new Date(edge).getTime() - 1000).toISOString();
    const refused = expectRefused(
      apply(rules, profile(), activity('quiz_completed', { occurredAt: older }), NOW),
      'event_too_old',
    );
    expect(refused.message).toMatch(/72 hours/);
  });

  it('tolerates max_future_skew_seconds of clock skew and refuses beyond it', () => {
    const skewed = new Date(NOW.getTime() + 300_000).toISOString();
    expectApplied(apply(rules, profile(), activity('quiz_completed', { occurredAt: skewed }), NOW));
    const ahead = new Date(NOW.getTime() + 301_000).toISOString();
    expectRefused(
      apply(rules, profile(), activity('quiz_completed', { occurredAt: ahead }), NOW),
      'event_in_future',
    );
  });
});

describe('apply: variable amounts', () => {
  it('takes XP from amount and coins as floor(amount * coins_per_xp)', () => {
    const outcome = expectApplied(apply(rules, profile(), activity('custom', { amount: 129 }), NOW));
    expect(outcome.entry).toMatchObject({ baseXp: 129, baseCoins: 12, xp: 129, coins: 12 });
  });

  it('floors coins exactly even where binary floating point falls short', () => {
    const exact = rulesWith((doc) => {
      const custom = doc.activities.custom;
      if (custom) custom.variable = { max_xp: 500, coins_per_xp: 0.29 };
    });
    // 100 * 0.29 is 28.999999999999996 in floating point
    const outcome = expectApplied(apply(exact, profile(), activity('custom', { amount: 100 }), NOW));
    expect(outcome.entry.baseCoins).toBe(29);
  });

  it('requires an amount', () => {
    expectRefused(apply(rules, profile(), activity('custom'), NOW), 'amount_required');
  });

  it('refuses an amount above max_xp', () => {
    const refused = expectRefused(
      apply(rules, profile(), activity('custom', { amount: 501 }), NOW),
      'amount_not_allowed',
    );
    expect(refused.message).toMatch(/500/);
  });

  it('refuses an amount on an activity with a fixed award', () => {
    expectRefused(
      apply(rules, profile(), activity('quiz_completed', { amount: 30 }), NOW),
      'amount_not_allowed',
    );
  });
});

describe('apply: multipliers', () => {
  // The first flashcard session (and, for a high level, the level achievements) unlock rewards
  // of the default catalog; they join the entry as bonuses and are not multiplied.
  const flashcards = (p: Parameters<typeof profile>[0]) =>
    awardPart(expectApplied(apply(rules, profile(p), activity('flashcard_session'), NOW)).entry);

  it('multiplies by the VIP tier', () => {
    expect(flashcards({ vipTier: 'standard' })).toMatchObject({ multiplier: 1.5, xp: 15, coins: 3 });
    expect(flashcards({ vipTier: 'premium' })).toMatchObject({ multiplier: 2, xp: 20, coins: 4 });
  });

  it('adds the level bonus and rounds half up', () => {
    const xp = xpForLevel(curve, 11);
    // 10 * 1.05 = 10.5 -> 11; 2 * 1.05 = 2.1 -> 2
    expect(flashcards({ xp, level: 11 })).toMatchObject({ multiplier: 1.05, xp: 11, coins: 2 });
  });

  it('caps the level bonus at level_bonus.max', () => {
    const xp = xpForLevel(curve, 80);
    expect(flashcards({ xp, level: 80 }).multiplier).toBe(1.25);
    expect(flashcards({ xp, level: 80, vipTier: 'premium' })).toMatchObject({ multiplier: 2.5, xp: 25 });
  });

  it('clamps the product to max_total', () => {
    const generous = rulesWith((doc) => {
      doc.multipliers.vip = { standard: 2, premium: 4 };
    });
    const xp = xpForLevel(curve, 80);
    const entry = expectApplied(
      apply(generous, profile({ xp, level: 80, vipTier: 'premium' }), activity('flashcard_session'), NOW),
    ).entry;
    expect(awardPart(entry)).toMatchObject({ multiplier: 3, xp: 30, coins: 6 });
  });

  it('uses the level before the award', () => {
    const xp = xpForLevel(curve, 11) - 1;
    const outcome = expectApplied(
      apply(rules, profile({ xp, level: 10 }), activity('flashcard_session'), NOW),
    );
    expect(outcome.entry.multiplier).toBe(1.045);
    expect(outcome.profile.level).toBe(11);
  });

  it('multiplies variable amounts too', () => {
    const entry = expectApplied(
      apply(rules, profile({ vipTier: 'standard' }), activity('custom', { amount: 101 }), NOW),
    ).entry;
    // 101 * 1.5 = 151.5 -> 152; floor(10.1) = 10 coins * 1.5 = 15
    expect(entry).toMatchObject({ baseXp: 101, xp: 152, baseCoins: 10, coins: 15 });
  });
});
