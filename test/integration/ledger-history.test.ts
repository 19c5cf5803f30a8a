import { describe, expect, it } from 'vitest';
import { ledgerIndexKey } from '../../shared/adapters/dynamo/keys';
import { encodeLedgerCursor } from '../../shared/adapters/dynamo/ledger-cursor';
import { makeListHistory } from '../../shared/app/list-history';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { ValidationError } from '../../shared/domain/errors';
import type { LedgerEntry } from '../../shared/domain/types';
import type { GameStore } from '../../shared/ports/game';
import { createTestStore } from '../support/dynamodb';
import { activityFor, depsFor, flatRules, rewardOf, uniqueId } from '../support/game-fixtures';

/** Records `count` activities one after another; returns their event ids, oldest first. */
async function recordMany(store: GameStore, userId: string, count: number): Promise<string[]> {
  const record = makeRecordActivity(depsFor(store));
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const activity = activityFor(userId, i % 2 === 0 ? 'quiz_completed' : 'flashcard_session');
    await record(activity);
    ids.push(activity.eventId);
  }
  return ids;
}

async function readAllPages(store: GameStore, userId: string, limit: number) {
  const pages: LedgerEntry[][] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await store.listLedger(userId, cursor === undefined ? { limit } : { limit, cursor });
    pages.push(page.entries);
    if (page.nextCursor === null) return pages;
    cursor = page.nextCursor;
  }
}

async function readAllPagesFrom(store: GameStore, userId: string, limit: number, cursor: string | null) {
  const entries: LedgerEntry[] = [];
  for (let next = cursor; next !== null; ) {
    const page = await store.listLedger(userId, { limit, cursor: next });
    entries.push(...page.entries);
    next = page.nextCursor;
  }
  return entries;
}

async function validationFields(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).details.map((d) => d.field);
}

describe('ledger history', () => {
  it('lists newest first in pages that neither skip nor repeat an entry', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const recorded = await recordMany(store, userId, 23);

    const pages = await readAllPages(store, userId, 5);

    expect(pages.map((page) => page.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.flat().map((entry) => entry.eventId)).toEqual([...recorded].reverse());
  });

  it('keeps paging through older entries while newer ones are recorded between pages', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const recorded = await recordMany(store, userId, 7);

    const first = await store.listLedger(userId, { limit: 3 });
    const newer = await recordMany(store, userId, 2);
    const rest = await readAllPagesFrom(store, userId, 3, first.nextCursor);

    expect([...first.entries, ...rest].map((e) => e.eventId)).toEqual([...recorded].reverse());
    expect((await store.listLedger(userId, { limit: 2 })).entries.map((e) => e.eventId)).toEqual(
      [...newer].reverse(),
    );
  });

  it('ends on a full last page with a null cursor rather than an empty extra page', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    await recordMany(store, userId, 6);

    const pages = await readAllPages(store, userId, 3);

    expect(pages.map((page) => page.length)).toEqual([3, 3]);
  });

  it("lists only the user's own ledger entries, with balances after each", async () => {
    const { store } = await createTestStore();
    const [userId, other] = [uniqueId('user'), uniqueId('user')];
    await recordMany(store, other, 2);
    await recordMany(store, userId, 2);

    const { entries, nextCursor } = await store.listLedger(userId, { limit: 10 });

    // quiz 30 XP; flashcards 10 XP plus the catalog's "Card Shark" (first flashcard set), listed as a bonus
    const cardShark = rewardOf(flatRules, 'first_flashcards').xp;
    expect(nextCursor).toBeNull();
    expect(entries.map((e) => [e.userId, e.activityType, e.balance.xp])).toEqual([
      [userId, 'flashcard_session', 30 + 10 + cardShark],
      [userId, 'quiz_completed', 30],
    ]);
    expect(entries[0]?.bonuses).toEqual([
      { source: 'achievement', id: 'first_flashcards#1', xp: cardShark, coins: expect.any(Number) },
    ]);
  });

  it('returns an empty page and no cursor for a user without history', async () => {
    const { store } = await createTestStore();

    expect(await store.listLedger(uniqueId('user'), { limit: 10 })).toEqual({
      entries: [],
      nextCursor: null,
    });
  });

  it("rejects another user's cursor on the cursor field", async () => {
    const { store } = await createTestStore();
    const [userId, other] = [uniqueId('user'), uniqueId('user')];
    await recordMany(store, other, 3);
    const { nextCursor } = await store.listLedger(other, { limit: 1 });

    expect(await validationFields(store.listLedger(userId, { limit: 1, cursor: nextCursor ?? '' }))).toEqual([
      'cursor',
    ]);
  });

  it.each([
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['the wrong shape', Buffer.from(JSON.stringify({ u: 'x' })).toString('base64url')],
    [
      'a key outside the ledger',
      Buffer.from(JSON.stringify({ u: 'me', s: 'PROFILE' })).toString('base64url'),
    ],
    ['empty', ''],
    ['too long', 'A'.repeat(2_000)],
  ])('rejects a cursor that is %s', async (_, cursor) => {
    const { store } = await createTestStore();

    expect(await validationFields(store.listLedger('me', { limit: 5, cursor }))).toEqual(['cursor']);
  });

  it('accepts a cursor it issued for the same user', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const [oldest] = await recordMany(store, userId, 2);
    const { entries } = await store.listLedger(userId, { limit: 2 });
    const newest = entries[0];
    if (!newest || !oldest) throw new Error('expected two entries');

    const cursor = encodeLedgerCursor(ledgerIndexKey(userId, newest.recordedAt, newest.eventId));
    const page = await store.listLedger(userId, { limit: 5, cursor });

    expect(page.entries.map((e) => e.eventId)).toEqual([oldest]);
  });

  it.each([0, 101, 2.5])('the use case rejects a page size of %s on the limit field', async (limit) => {
    const { store } = await createTestStore();
    const listHistory = makeListHistory({ store });

    expect(await validationFields(listHistory('me', { limit }))).toEqual(['limit']);
  });
});
