import { describe, expect, it } from 'vitest';
import { makeAdjustBalance } from '../../shared/app/adjust-balance';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { RuleRefusedError } from '../../shared/domain/errors';
import { createTestStore } from '../support/dynamodb';
import { activityFor, adjustmentFor, depsFor, uniqueId } from '../support/game-fixtures';
import { untilNotContended, wholeLedger } from '../support/use-case-helpers';

describe('concurrency on one user', () => {
  it('applies each of 150 event ids exactly once among 200 concurrent sends (50 replays); totals match the ledger', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    // Four processes (say, Lambda containers), each taking turns per user
    // internally; across them, DynamoDB's conditions decide.
    const processes = Array.from({ length: 4 }, () => makeRecordActivity(depsFor(store)));
    const types = ['quiz_completed', 'flashcard_session', 'decision_made', 'scenario_completed'];
    const unique = Array.from({ length: 150 }, (_, i) =>
      activityFor(userId, types[i % types.length] ?? 'quiz_completed'),
    );
    const replays = unique.slice(0, 50).map((activity) => ({ ...activity }));
    const sends = [...unique, ...replays].sort(() => Math.random() - 0.5);

    const processOf = (i: number) => {
      const record = processes[i % processes.length];
      if (!record) throw new Error('no process');
      return record;
    };

    const results = await Promise.all(
      sends.map((activity, i) => untilNotContended(() => processOf(i)(activity))),
    );

    const ledger = await wholeLedger(store, userId);
    const profile = await store.getProfile(userId);
    expect(ledger).toHaveLength(150);
    expect(new Set(ledger.map((e) => e.eventId))).toEqual(new Set(unique.map((a) => a.eventId)));
    expect(profile?.xp).toBe(ledger.reduce((sum, e) => sum + e.xp, 0));
    expect(profile?.coins).toBe(ledger.reduce((sum, e) => sum + e.coins, 0));
    expect(profile?.version).toBe(150);
    expect(results.filter((r) => r.duplicate)).toHaveLength(50);
    // Every send of an event id answered with the same, first outcome.
    const byEvent = new Map(ledger.map((e) => [e.eventId, e]));
    // (the ledger's pages carry no rules version: it lives on the event item, outside the index)
    for (const { outcome } of results) {
      const { rulesVersion, ...entry } = outcome.entry;
      expect(rulesVersion).toMatch(/^r[0-9a-f]{16}$/);
      expect(entry).toEqual(byEvent.get(outcome.eventId));
    }
    // The running balances chain: each entry's balance is the previous one plus its change.
    const oldestFirst = [...ledger].reverse();
    oldestFirst.reduce(
      (previous, entry) => {
        expect(entry.balance.xp).toBe(previous.xp + entry.xp);
        return entry.balance;
      },
      { xp: 0, coins: 0 },
    );
  });

  it('lets exactly one of two concurrent deductions through when together they exceed the balance', async () => {
    const { store } = await createTestStore();
    const [one, two] = [makeAdjustBalance(depsFor(store)), makeAdjustBalance(depsFor(store))];
    for (let round = 0; round < 5; round++) {
      const userId = uniqueId('user');
      await one(adjustmentFor(userId, 0, 100));

      const results = await Promise.allSettled([
        one(adjustmentFor(userId, 0, -70, 'shop')),
        two(adjustmentFor(userId, 0, -60, 'shop')),
      ]);

      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toBeInstanceOf(RuleRefusedError);
      expect((refused[0] as RuleRefusedError).code).toBe('insufficient_coins');
      const profile = await store.getProfile(userId);
      expect([30, 40]).toContain(profile?.coins);
      const ledger = await wholeLedger(store, userId);
      expect(ledger.every((e) => e.balance.coins >= 0)).toBe(true);
      expect(ledger.reduce((sum, e) => sum + e.coins, 0)).toBe(profile?.coins);
    }
  });
});
