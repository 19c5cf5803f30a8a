import { describe, expect, it } from 'vitest';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { ConflictError } from '../../shared/domain/errors';
import { attachCapacityProbe } from '../support/capacity-probe';
import { recentDaytimeIso } from '../support/daytime';
import { createTestStore } from '../support/dynamodb';
import { activityFor, depsFor, rulesWith, scanAll, steppingClock, uniqueId } from '../support/game-fixtures';

/** Default rules with quiz_completed capped at one per hour. */
const oneQuizPerHour = rulesWith((doc) => {
  const quiz = doc.activities.quiz_completed;
  if (quiz) quiz.caps = { per_hour: 1 };
});

describe('replaying an applied event id', () => {
  it('answers with the first outcome, marked duplicate, and writes nothing', async () => {
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

  it('finds out from the cancelled transaction: one profile read, one failed transaction, no event read', async () => {
    const { store, client } = await createTestStore();
    const userId = uniqueId('user');
    const record = makeRecordActivity(depsFor(store));
    const activity = activityFor(userId, 'quiz_completed');
    await record(activity);
    const probe = attachCapacityProbe(client);

    const replay = await record(activity);

    expect(replay.duplicate).toBe(true);
    expect(probe.requests.map((r) => [r.command, r.failed])).toEqual([
      ['GetItemCommand', false],
      ['TransactWriteItemsCommand', true],
    ]);
  });

  it('answers as a duplicate even when the rules would refuse the event now (its cap reached since)', async () => {
    const { store, doc, tableName } = await createTestStore();
    const userId = uniqueId('user');
    const record = makeRecordActivity(depsFor(store, { rules: oneQuizPerHour }));
    const occurredAt = recentDaytimeIso();
    const first = activityFor(userId, 'quiz_completed', { occurredAt });
    const applied = await record(first);
    const capped = await record(activityFor(userId, 'quiz_completed', { occurredAt })).catch(
      (e: unknown) => e,
    );
    const before = await scanAll(doc, tableName);

    const replay = await record(first);

    expect(capped).toMatchObject({ code: 'cap_reached' });
    expect(replay).toEqual({ duplicate: true, outcome: { ...applied.outcome, profile: expect.any(Object) } });
    expect(await scanAll(doc, tableName)).toEqual(before);
  });

  it('answers as a duplicate for a first-time-per-subject event, whose marker now refuses it', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const record = makeRecordActivity(depsFor(store));
    const lesson = activityFor(userId, 'lesson_complete', { subjectId: 'l-9' });
    const first = await record(lesson);

    const replay = await record(lesson);

    expect(replay.duplicate).toBe(true);
    expect(replay.outcome.entry).toEqual(first.outcome.entry);
    // the unlock it made (first lesson) comes back with every detail, and was paid once
    expect(replay.outcome.achievements).toEqual(first.outcome.achievements);
    expect(replay.outcome.achievements.map((u) => `${u.id}#${u.times}`)).toEqual(['first_lesson#1']);
    expect(await store.getProfile(userId)).toMatchObject({ xp: first.outcome.entry.xp, version: 1 });
    expect(first.outcome.entry.xp).toBe(25 + (first.outcome.entry.bonuses?.[0]?.xp ?? Number.NaN));
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

  it('treats an applied event id sent again for an activity the rules refuse as a conflict, not a refusal', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const record = makeRecordActivity(depsFor(store));
    const first = activityFor(userId, 'quiz_completed');
    await record(first);

    // lesson_complete without a subject is refused (subject_required) before any write.
    const error = await record({ ...first, type: 'lesson_complete' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).code).toBe('event_id_reused');
  });
});
