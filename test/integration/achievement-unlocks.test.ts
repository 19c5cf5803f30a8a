import { describe, expect, it } from 'vitest';
import { unlocksOfEventRecord } from '../../shared/adapters/dynamo/event-record';
import { eventIdOf } from '../../shared/adapters/dynamo/keys';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { apply } from '../../shared/domain/apply';
import { newProfile } from '../../shared/domain/profile';
import { StaleProfileError } from '../../shared/ports/game';
import { createTestStore } from '../support/dynamodb';
import { activityFor, depsFor, flatRules, rewardOf, scanAll, uniqueId } from '../support/game-fixtures';
import { untilNotContended, wholeLedger } from '../support/use-case-helpers';

describe('achievement unlocks through the store', () => {
  it('unlocks and pays once when 100 concurrent activities of one user would each unlock it', async () => {
    const { store, doc, tableName } = await createTestStore();
    const userId = uniqueId('user');
    // Four processes (Lambda containers) racing; within each, sends take turns.
    const processes = Array.from({ length: 4 }, () => makeRecordActivity(depsFor(store)));
    const sends = Array.from({ length: 100 }, () => activityFor(userId, 'flashcard_session'));

    const processOf = (i: number) => {
      const record = processes[i % processes.length];
      if (!record) throw new Error('no process');
      return record;
    };

    await Promise.all(sends.map((activity, i) => untilNotContended(() => processOf(i)(activity))));

    const ledger = await wholeLedger(store, userId);
    const profile = await store.getProfile(userId);
    const items = await scanAll(doc, tableName);
    // What the event items record (and CountUnlocks counts): each unlock with the event that made it.
    const recorded = items
      .filter((item) => String(item.sk).startsWith('EVENT#'))
      .flatMap((item) =>
        unlocksOfEventRecord(item).map((u) => `${u.id}#${u.times}@${eventIdOf(String(item.sk))}`),
      );
    const paid = ledger.flatMap((e) => (e.bonuses ?? []).map((b) => ({ ...b, eventId: e.eventId })));
    // Every activity "would" unlock Card Shark (first flashcard set), yet one did.
    expect(recorded.filter((u) => u.startsWith('first_flashcards#1@'))).toHaveLength(1);
    expect(paid.filter((b) => b.id === 'first_flashcards#1')).toEqual([
      {
        source: 'achievement',
        id: 'first_flashcards#1',
        ...rewardOf(flatRules, 'first_flashcards'),
        eventId: expect.any(String),
      },
    ]);
    // Each recorded unlock pairs with the one entry that paid it (50 sets also earn Word Collector).
    expect(recorded.sort()).toEqual(paid.map((b) => `${b.id}@${b.eventId}`).sort());
    // The profile's version is the guard: no marker item per unlock.
    expect(items.filter((item) => String(item.sk).startsWith('ACH#'))).toEqual([]);
    expect(profile?.achievements?.earned.first_flashcards?.[0]).toBe(1);
    expect(ledger).toHaveLength(100);
    expect(profile?.xp).toBe(ledger.reduce((sum, e) => sum + e.xp, 0));
    expect(profile?.coins).toBe(ledger.reduce((sum, e) => sum + e.coins, 0));
  });

  it('refuses an unlock decided on a profile another outcome has moved on from (StaleProfileError) and writes nothing', async () => {
    const { store, doc, tableName } = await createTestStore();
    const userId = uniqueId('user');
    const decide = (eventId: string) => {
      const outcome = apply(
        flatRules,
        newProfile(userId, new Date()),
        { ...activityFor(userId, 'flashcard_session'), eventId },
        new Date(),
      );
      if (outcome.status !== 'applied') throw new Error(outcome.reason);
      return outcome;
    };
    // Two outcomes decided on the same (new) profile: each unlocks Card Shark.
    const [first, second] = [decide('first'), decide('second')];
    expect(second.achievements.map((u) => `${u.id}#${u.times}`)).toEqual(['first_flashcards#1']);
    await store.saveOutcome(first);
    const before = await scanAll(doc, tableName);

    const error = await store.saveOutcome(second).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StaleProfileError);
    expect(await scanAll(doc, tableName)).toEqual(before);
  });

  it('stores the achievement progress on the profile and reads it back as the evaluator left it', async () => {
    const { store } = await createTestStore();
    const userId = uniqueId('user');
    const record = makeRecordActivity(depsFor(store));

    const { outcome } = await record(activityFor(userId, 'lesson_complete', { subjectId: 'l-1' }));
    const stored = await store.getProfile(userId);

    expect(stored?.achievements).toEqual(outcome.profile.achievements);
    expect(stored?.achievements?.earned.first_lesson?.[0]).toBe(1);
    expect(stored?.streaks).toEqual(outcome.profile.streaks);
  });
});
