import { describe, expect, it } from 'vitest';
import { makeAdjustBalance } from '../../shared/app/adjust-balance';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { ConflictError, RuleRefusedError } from '../../shared/domain/errors';
import { createTestStore } from '../support/dynamodb';
import { activityFor, adjustmentFor, depsFor, scanAll, uniqueId } from '../support/game-fixtures';

async function refusalCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuleRefusedError);
  return (error as RuleRefusedError).code;
}

describe('adjust balance', () => {
  it('grants and deducts through the same ledger as activities, never multiplied', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const deps = depsFor(store);
    await makeRecordActivity(deps)(activityFor(userId, 'quiz_completed'));
    const adjustBalance = makeAdjustBalance(deps);

    await adjustBalance(adjustmentFor(userId, 100, 50, 'welcome bonus'));
    const { outcome } = await adjustBalance(adjustmentFor(userId, 0, -20, 'refund'));

    expect(outcome.entry).toMatchObject({ kind: 'adjustment', multiplier: 1, coins: -20, reason: 'refund' });
    expect(await store.getProfile(userId)).toMatchObject({ xp: 130, coins: 36, version: 3 });
    const { entries } = await store.listLedger(userId, { limit: 10 });
    expect(entries.map((e) => [e.kind, e.xp, e.coins])).toEqual([
      ['adjustment', 0, -20],
      ['adjustment', 100, 50],
      ['activity', 30, 6],
    ]);
  });

  it('refuses a deduction below zero coins and writes nothing', async () => {
    const { store, doc, tableName } = await createTestStore();
    const userId = uniqueId('user');
    const adjustBalance = makeAdjustBalance(depsFor(store));
    await adjustBalance(adjustmentFor(userId, 10, 10));
    const before = await scanAll(doc, tableName);

    expect(await refusalCode(adjustBalance(adjustmentFor(userId, 0, -11)))).toBe('insufficient_coins');
    expect(await refusalCode(adjustBalance(adjustmentFor(userId, -11, 0)))).toBe('insufficient_xp');
    expect(await scanAll(doc, tableName)).toEqual(before);
  });

  it('refuses a deduction for a user never seen, creating nothing', async () => {
    const { store, doc, tableName } = await createTestStore();

    expect(await refusalCode(makeAdjustBalance(depsFor(store))(adjustmentFor(uniqueId('user'), 0, -1)))).toBe(
      'insufficient_coins',
    );
    expect(await scanAll(doc, tableName)).toEqual([]);
  });

  it('applies an adjustment once: a replay returns the first outcome, marked duplicate', async () => {
    const { store, doc, tableName } = await createTestStore();
    const userId = uniqueId('user');
    const adjustBalance = makeAdjustBalance(depsFor(store));
    const grant = adjustmentFor(userId, 5, 5);
    const first = await adjustBalance(grant);
    const before = await scanAll(doc, tableName);

    const replay = await adjustBalance(grant);

    expect(replay).toEqual({ duplicate: true, outcome: { ...first.outcome, profile: expect.any(Object) } });
    expect(replay.outcome.profile).toMatchObject({ xp: 5, coins: 5 });
    expect(await scanAll(doc, tableName)).toEqual(before);
  });

  it('treats an applied adjustment id sent again with other amounts as a conflict', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const adjustBalance = makeAdjustBalance(depsFor(store));
    const grant = adjustmentFor(userId, 5, 5);
    await adjustBalance(grant);

    await expect(adjustBalance({ ...grant, coins: 500 })).rejects.toBeInstanceOf(ConflictError);
  });
});
