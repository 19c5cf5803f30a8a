import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ReplayableHistory, readAllHistories } from '../../shared/adapters/dynamo/history-reader';
import { inAppliedOrder } from '../../shared/domain/replay/history';
import { type UserChange, whatIf } from '../../shared/domain/replay/what-if';
import { createTestStore, type TestStore } from '../support/dynamodb';
import { cardFirst, replayRules, type SeededUsers, seedReplayHistory } from '../support/replay-fixtures';

/**
 * A seeded history, recorded through the real use cases into DynamoDB Local
 * under the current rules, then read back and replayed under rules that
 * raise a value, add an achievement, lower a cap and remove an achievement.
 */

const current = replayRules();
const proposed = replayRules((doc) => {
  doc.label = 'more for flashcards';
  // raise a value, lower a cap, remove an achievement and add another
  (doc.activities.flashcard_session as { xp: number }).xp = 20;
  doc.activities.quiz_completed = { ...doc.activities.quiz_completed, caps: { per_hour: 2 } } as never;
  doc.achievements = {
    card_first: cardFirst,
  } as never;
});

describe('rules what-if over a recorded history', () => {
  let store: TestStore;
  let histories: ReplayableHistory[];
  let users: SeededUsers;
  /** what the reader reported as read, after each page */
  const progress: number[] = [];

  beforeAll(async () => {
    store = await createTestStore();
    users = await seedReplayHistory(store, current);
    histories = await readAllHistories({
      client: store.client,
      tableName: store.tableName,
      segments: 3,
      onProgress: (read) => progress.push(read),
    });
  });

  it('reports every item the Scan read, for the progress bar', async () => {
    const { Items = [] } = await store.doc.send(new ScanCommand({ TableName: store.tableName }));
    expect(progress.at(-1)).toBe(Items.length);
    expect(Items.length).toBeGreaterThan(0);
  });

  const changeOf = (changes: UserChange[], userId: string) => changes.find((c) => c.userId === userId);

  it('reads every step, the purchase and the explicit freeze included', () => {
    const steps = Object.fromEntries(
      histories.map((h) => [h.userId, inAppliedOrder(h.steps).map((s) => s.kind)]),
    );
    expect(steps[users.ann]).toEqual(['activity', 'activity', 'activity']);
    expect(steps[users.cat]).toEqual(['activity', 'activity', 'purchase', 'freeze_use']);
  });

  it('changes nothing under the same rules, and the replay matches what is stored', () => {
    const report = whatIf(current, current, histories);
    expect(report.changes).toEqual([]);
    expect(report.unfaithful).toEqual([]);
    expect(report.economy.xpIssued).toEqual({ before: 100 + 40 + 70, after: 100 + 40 + 70 });
  });

  it('gives each user the exact diff of the new rules', () => {
    const { changes } = whatIf(current, proposed, histories);
    // ann: the third quiz is over the new cap of 2 an hour, and quiz_fan is gone
    expect(changeOf(changes, users.ann)).toMatchObject({
      before: { xp: 100, level: 2, coinsEarned: 20, achievements: { quiz_fan: 1 }, refusedActivities: 0 },
      after: { xp: 60, level: 1, coinsEarned: 12, achievements: {}, refusedActivities: 1 },
      achievementsGained: [],
      achievementsLost: ['quiz_fan'],
      losses: ['level 2 -> 1', 'achievement quiz_fan'],
    });
    // bob: flashcards are worth 20 now, and earn card_first
    expect(changeOf(changes, users.bob)).toMatchObject({
      before: { xp: 40, coinsEarned: 8, achievements: {} },
      after: { xp: 55, coinsEarned: 9, achievements: { card_first: 1 } },
      achievementsGained: ['card_first'],
      losses: [],
    });
    // cat: without quiz_fan's 2 coins, the 14-coin freeze bought was not affordable
    const catChange = changeOf(changes, users.cat);
    expect(catChange?.before).toMatchObject({ xp: 70, coins: 0, unaffordable: [] });
    expect(catChange?.after).toMatchObject({ xp: 60, coins: 12 });
    expect(catChange?.losses).toEqual([
      'achievement quiz_fan',
      expect.stringMatching(/^coins already spent: Bought a streak freeze \(14 coins, /),
    ]);
  });

  it('sums the economy before and after', () => {
    const { economy } = whatIf(current, proposed, histories);
    expect(economy.users).toBe(3);
    expect(economy.xpIssued).toEqual({ before: 210, after: 60 + 55 + 60 });
    expect(economy.coinsIssued).toEqual({ before: 20 + 8 + 14, after: 12 + 9 + 12 });
    expect(economy.achievements).toEqual({
      quiz_fan: { gained: 0, lost: 2 },
      card_first: { gained: 1, lost: 0 },
    });
    expect(economy.levels).toEqual({ before: { 1: 2, 2: 1 }, after: { 1: 3 } });
  });
});
