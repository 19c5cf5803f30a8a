import { describe, expect, it } from 'vitest';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { ConflictError, ContentionError, RuleRefusedError } from '../../shared/domain/errors';
import { attachCapacityProbe } from '../support/capacity-probe';
import { createTestStore } from '../support/dynamodb';
import { activityFor, depsFor, rulesWith, scanAll, steppingClock, uniqueId } from '../support/game-fixtures';
import { transactionWriteUnits } from '../support/item-size';

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

  it('answers a replayed event id with the first outcome, marked duplicate, and writes nothing', async () => {
    const { store, doc, tableName } = await createTestStore();
    const userId = uniqueId('user');
    const activity = activityFor(userId, 'quiz_completed');
    const first = await makeRecordActivity(depsFor(store))(activity);
    const before = await scanAll(doc, tableName);

    // A later process, with a later clock, sees the same event again.
    const replay = await makeRecordActivity(
      depsFor(store, { clock: steppingClock(new Date(Date.now() + 5_000)) }),
    )(activity);

    expect(replay.duplicate).toBe(true);
    expect(replay.outcome.entry).toEqual(first.outcome.entry);
    expect(replay.outcome.events).toEqual(first.outcome.events);
    expect(await scanAll(doc, tableName)).toEqual(before);
  });

  it('treats an applied event id sent again for a different activity as a conflict', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const record = makeRecordActivity(depsFor(store));
    const first = activityFor(userId, 'quiz_completed');
    await record(first);

    const error = await record({ ...first, type: 'story_completed', subjectId: 's-1' }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).code).toBe('event_id_reused');
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
    const occurredAt = new Date(Date.now() - 60_000).toISOString();
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
    expect(await store.getProfile(userId)).toMatchObject({ xp: 25, coins: 5, version: 1 });
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

  it('costs 2 round trips and at most 6 write units for a common-case activity', async () => {
    const { store, client, doc, tableName } = await createTestStore();
    const userId = uniqueId('user');
    const record = makeRecordActivity(depsFor(store));
    await record(activityFor(userId, 'quiz_completed'));
    const probe = attachCapacityProbe(client);

    const activity = activityFor(userId, 'flashcard_session');
    await record(activity);

    expect(probe.requests.map((r) => r.command)).toEqual([
      'BatchGetItemCommand',
      'TransactWriteItemsCommand',
    ]);
    expect(probe.totals().writeUnits).toBeGreaterThan(0);
    expect(probe.totals().writeUnits).toBeLessThanOrEqual(6);
    // DynamoDB Local does not bill transactions item by item: size the items too.
    const written = (await scanAll(doc, tableName)).filter(
      (item) => item.sk === 'PROFILE' || String(item.sk).endsWith(`#${activity.eventId}`),
    );
    expect(written).toHaveLength(3);
    expect(transactionWriteUnits(written)).toBe(6);
  });
});
