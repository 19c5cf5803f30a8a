import { describe, expect, it } from 'vitest';
import { ledgerIndex } from '../../shared/adapters/dynamo/table-definition';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { ContentionError, RuleRefusedError } from '../../shared/domain/errors';
import { attachCapacityProbe } from '../support/capacity-probe';
import { recentDaytimeIso } from '../support/daytime';
import { createTestStore } from '../support/dynamodb';
import {
  activityFor,
  depsFor,
  flatRules,
  rewardOf,
  rulesWith,
  scanAll,
  uniqueId,
} from '../support/game-fixtures';
import { localIndexWriteUnits, transactionWriteUnits } from '../support/item-size';

describe('record activity', () => {
  it('awards a user seen for the first time and stores the profile', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const record = makeRecordActivity(depsFor(store));

    const { duplicate, outcome } = await record(activityFor(userId, 'quiz_completed'));

    expect(duplicate).toBe(false);
    expect(outcome.entry).toMatchObject({ xp: 30, coins: 6, balance: { xp: 30, coins: 6 } });
    expect(await store.getProfile(userId)).toMatchObject({ xp: 30, coins: 6, version: 1 });
  });

  it('writes nothing when the rules refuse the activity', async () => {
    const { store, doc, tableName } = await createTestStore();
    const record = makeRecordActivity(depsFor(store));

    const error = await record(activityFor(uniqueId('user'), 'lesson_complete')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RuleRefusedError);
    expect((error as RuleRefusedError).code).toBe('subject_required');
    expect(await scanAll(doc, tableName)).toEqual([]);
  });

  it('refuses a capped activity past its cap, counting what is stored', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const rules = rulesWith((doc) => {
      const quiz = doc.activities.quiz_completed;
      if (quiz) quiz.caps = { per_hour: 2 };
    });
    const record = makeRecordActivity(depsFor(store, { rules }));
    const occurredAt = recentDaytimeIso();
    await record(activityFor(userId, 'quiz_completed', { occurredAt }));
    await record(activityFor(userId, 'quiz_completed', { occurredAt }));

    const error = await record(activityFor(userId, 'quiz_completed', { occurredAt })).catch(
      (e: unknown) => e,
    );

    expect((error as RuleRefusedError).code).toBe('cap_reached');
    expect(await store.getProfile(userId)).toMatchObject({ xp: 60, version: 2 });
  });

  it('awards a first-time-per-subject activity once when two events for the subject race', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const [one, two] = [makeRecordActivity(depsFor(store)), makeRecordActivity(depsFor(store))];
    const lesson = () => activityFor(userId, 'lesson_complete', { subjectId: 'lesson-7' });

    const results = await Promise.allSettled([one(lesson()), two(lesson())]);

    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(RuleRefusedError);
    expect((refused[0] as RuleRefusedError).code).toBe('already_done_for_subject');
    // the lesson's 25 XP / 5 coins once, and the catalog's first-lesson reward once
    const firstLesson = rewardOf(flatRules, 'first_lesson');
    expect(await store.getProfile(userId)).toMatchObject({
      xp: 25 + firstLesson.xp,
      coins: 5 + firstLesson.coins,
      version: 1,
    });
  });

  it('takes turns per user within a process: concurrent activities cost no failed transaction', async () => {
    const { store, client } = await createTestStore();
    const userId = uniqueId('user');
    const record = makeRecordActivity(depsFor(store));
    const probe = attachCapacityProbe(client);

    await Promise.all(Array.from({ length: 20 }, () => record(activityFor(userId, 'quiz_completed'))));

    const transactions = probe.requests.filter((r) => r.command === 'TransactWriteItemsCommand');
    expect(transactions).toHaveLength(20);
    expect(transactions.filter((r) => r.failed)).toEqual([]);
    expect(await store.getProfile(userId)).toMatchObject({ xp: 20 * 30, version: 20 });
  });

  it('applies every one of many concurrent activities from separate processes by retrying version conflicts', async () => {
    const { store, client } = await createTestStore();
    const userId = uniqueId('user');
    // One use-case instance per send: as many Lambda containers racing for one user.
    const processes = Array.from({ length: 12 }, () => makeRecordActivity(depsFor(store)));
    const probe = attachCapacityProbe(client);

    const results = await Promise.all(
      processes.map((record) => record(activityFor(userId, 'quiz_completed'))),
    );

    expect(results.every((r) => !r.duplicate)).toBe(true);
    expect(await store.getProfile(userId)).toMatchObject({ xp: 12 * 30, coins: 12 * 6, version: 12 });
    // They did race: some transactions lost on the version and were retried.
    expect(
      probe.requests.filter((r) => r.command === 'TransactWriteItemsCommand' && r.failed).length,
    ).toBeGreaterThan(0);
  });

  it('gives up with ContentionError (retry after 1 s) once the retry budget is spent', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const processes = Array.from({ length: 10 }, () =>
      makeRecordActivity(depsFor(store, { retry: { budgetMs: 1, baseDelayMs: 10_000, maxDelayMs: 10_000 } })),
    );

    // All ten read version 0; only one can create the profile, and no one may retry.
    const results = await Promise.allSettled(
      processes.map((record) => record(activityFor(userId, 'quiz_completed'))),
    );

    const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    const applied = results.filter((r) => r.status === 'fulfilled').length;
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ContentionError);
      expect((error as ContentionError).retryAfterSeconds).toBe(1);
    }
    expect(await store.getProfile(userId)).toMatchObject({ xp: applied * 30, version: applied });
  });

  it('costs 2 round trips (one item read, one 2-item transaction) and at most 6 write units', async () => {
    const { store, client, doc, tableName } = await createTestStore();
    const userId = uniqueId('user');
    const record = makeRecordActivity(depsFor(store));
    await record(activityFor(userId, 'quiz_completed'));
    const probe = attachCapacityProbe(client);

    const activity = activityFor(userId, 'flashcard_session');
    await record(activity);

    expect(probe.requests.map((r) => r.command)).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);
    // The ledger index was written, by the transaction and nothing else.
    expect(probe.requests.map((r) => r.indexWriteUnits > 0)).toEqual([false, true]);
    // DynamoDB Local does not bill transactions item by item: size the items.
    const written = (await scanAll(doc, tableName)).filter(
      (item) => item.sk === 'PROFILE' || item.sk === `EVENT#${activity.eventId}`,
    );
    expect(written).toHaveLength(2);
    expect(transactionWriteUnits(written)).toBe(4);
    expect(transactionWriteUnits(written) + localIndexWriteUnits(written, ledgerIndex)).toBeLessThanOrEqual(
      6,
    );
  });

  it('reads the profile and the marker together, and writes the marker in the same transaction, for a first-time-per-subject activity', async () => {
    const { store, client, doc, tableName } = await createTestStore();
    const userId = uniqueId('user');
    const probe = attachCapacityProbe(client);

    await makeRecordActivity(depsFor(store))(activityFor(userId, 'lesson_complete', { subjectId: 'l-1' }));

    expect(probe.requests.map((r) => r.command)).toEqual([
      'BatchGetItemCommand',
      'TransactWriteItemsCommand',
    ]);
    // The first lesson also unlocks the catalog's "first_lesson": recorded on the event item, no item of its own
    expect((await scanAll(doc, tableName)).map((item) => String(item.sk).split('#')[0]).sort()).toEqual([
      'EVENT',
      'ONCE',
      'PROFILE',
    ]);
  });
});
