import { beforeAll, describe, expect, it } from 'vitest';
import { outboxEnvelopes } from '../../shared/adapters/dynamo/event-record';
import { readAllHistories } from '../../shared/adapters/dynamo/history-reader';
import { DynamoReplaySource } from '../../shared/adapters/dynamo/replay-source';
import { makeBackfillSegment, type SegmentWork } from '../../shared/app/backfill-segment';
import { makeBackfillUser, type UserBackfill } from '../../shared/app/backfill-user';
import { backfillEventId } from '../../shared/domain/replay/backfill';
import { whatIf } from '../../shared/domain/replay/what-if';
import { rulesVersionOf } from '../../shared/rules/version';
import { createTestStore, type TestStore } from '../support/dynamodb';
import { depsFor, scanAll, steppingClock } from '../support/game-fixtures';
import {
  cardFirst,
  quizFan,
  replayRules,
  type SeededUsers,
  seedReplayHistory,
} from '../support/replay-fixtures';

/**
 * Backfill after new rules went live: a history recorded under rules with
 * quiz_fan only, then rules that add quiz_trio (3 quizzes) and card_first
 * (a flashcard set). What the past meets is granted once, through the ledger.
 */

const before = replayRules();
const after = replayRules((doc) => {
  doc.achievements = {
    quiz_fan: quizFan,
    quiz_trio: {
      ...quizFan,
      name: 'Quiz Trio',
      criterion: { ...quizFan.criterion, min: 3 },
      reward: { xp: 20, coins: 3 },
    },
    card_first: cardFirst,
  } as never;
});
const version = rulesVersionOf(after).id;

async function backfillAll(store: TestStore, rules = after): Promise<UserBackfill[]> {
  const backfill = makeBackfillUser(depsFor(store.store, { rules, clock: steppingClock() }));
  const histories = await readAllHistories({ client: store.client, tableName: store.tableName, segments: 2 });
  return Promise.all(histories.map((h) => backfill(h)));
}

const byUser = (results: UserBackfill[], userId: string) => results.find((r) => r.userId === userId);

describe('rules backfill', () => {
  let store: TestStore;
  let users: SeededUsers;
  let first: UserBackfill[];

  beforeAll(async () => {
    store = await createTestStore();
    users = await seedReplayHistory(store, before);
    first = await backfillAll(store);
  });

  it('grants each achievement the past meets under the new rules, with its reward, through the ledger', async () => {
    expect(byUser(first, users.ann)?.granted).toEqual([{ achievementId: 'quiz_trio', xp: 20, coins: 3 }]);
    expect(byUser(first, users.bob)?.granted).toEqual([{ achievementId: 'card_first', xp: 5, coins: 1 }]);
    expect(byUser(first, users.cat)?.granted).toEqual([]);
    const ann = await store.store.getProfile(users.ann);
    expect(ann).toMatchObject({ xp: 100 + 20, coins: 20 + 3 });
    expect(Object.keys(ann?.achievements?.earned ?? {}).sort()).toEqual(['quiz_fan', 'quiz_trio']);
    expect((await store.store.getProfile(users.bob))?.xp).toBe(40 + 5);
  });

  it('records one outcome per (user, rules version, achievement), its unlock event marked backfill', async () => {
    const items = await scanAll(store.doc, store.tableName);
    const backfills = items.filter((i) => String(i.sk).startsWith('EVENT#backfill:'));
    expect(backfills.map((i) => i.sk).sort()).toEqual(
      [
        `EVENT#${backfillEventId(version, 'card_first')}`,
        `EVENT#${backfillEventId(version, 'quiz_trio')}`,
      ].sort(),
    );
    const annItem = backfills.find((i) => i.pk === `USER#${users.ann}`) ?? {};
    expect(annItem).toMatchObject({ kind: 'adjustment', xp: 20, coins: 3, rules_version: version });
    const unlocked = outboxEnvelopes(annItem).find((e) => e.metadata.type === 'achievement.unlocked');
    expect(unlocked?.data).toMatchObject({ achievement_id: 'quiz_trio', backfill: true, reward_xp: 20 });
  });

  it('leaves a history a what-if under the same rules finds faithful and unchanged', async () => {
    const histories = await readAllHistories({ client: store.client, tableName: store.tableName });
    // the grant is not a step of the history: the replay derives it from the activities
    expect(histories.flatMap((h) => h.steps).some((s) => s.kind === 'adjustment')).toBe(false);
    const report = whatIf(after, after, histories);
    expect(report.unfaithful).toEqual([]);
    expect(report.changes).toEqual([]);
  });

  it('changes nothing on a second run', async () => {
    const again = await backfillAll(store);
    expect(again.flatMap((r) => r.granted)).toEqual([]);
    // held now, so not even owed
    expect(again.flatMap((r) => r.alreadyHeld)).toEqual([]);
    expect((await store.store.getProfile(users.ann))?.xp).toBe(120);
  });

  it('grants once when two runs race', async () => {
    const racing = await createTestStore();
    const seeded = await seedReplayHistory(racing, before);
    const [a, b] = await Promise.all([backfillAll(racing), backfillAll(racing)]);
    const grantsFor = (userId: string) => [
      ...(byUser(a, userId)?.granted ?? []),
      ...(byUser(b, userId)?.granted ?? []),
    ];
    expect(grantsFor(seeded.ann)).toEqual([{ achievementId: 'quiz_trio', xp: 20, coins: 3 }]);
    expect(grantsFor(seeded.bob)).toEqual([{ achievementId: 'card_first', xp: 5, coins: 1 }]);
    expect((await racing.store.getProfile(seeded.ann))?.xp).toBe(120);
    const ledger = (await scanAll(racing.doc, racing.tableName)).filter((i) =>
      String(i.sk).startsWith('EVENT#backfill:'),
    );
    expect(ledger).toHaveLength(2);
  });

  it('never takes anything away: rules without quiz_fan grant nothing and leave it held', async () => {
    const fewer = replayRules((doc) => {
      doc.achievements = {} as never;
    });
    const results = await backfillAll(store, fewer);
    expect(results.flatMap((r) => r.granted)).toEqual([]);
    const ann = await store.store.getProfile(users.ann);
    expect(ann?.xp).toBe(120);
    expect(Object.keys(ann?.achievements?.earned ?? {})).toContain('quiz_fan');
  });

  it('runs as the AWS job does: a segment at a time, resumed from its cursor until done', async () => {
    const table = await createTestStore();
    const seeded = await seedReplayHistory(table, before);
    const source = new DynamoReplaySource({ client: table.client, tableName: table.tableName, pageSize: 1 });
    const run = makeBackfillSegment({
      ...depsFor(table.store, { rules: after, clock: steppingClock() }),
      source,
    });
    let granted = 0;
    let invocations = 0;
    for (const segment of [0, 1]) {
      let work: SegmentWork = { segment, totalSegments: 2 };
      for (;;) {
        // no time left after a page: every invocation does one page, as a Lambda near its timeout would
        const progress = await run(work, () => 0);
        invocations += 1;
        granted += progress.granted;
        if (progress.done) break;
        work = { segment, totalSegments: 2, ...(progress.startKey && { startKey: progress.startKey }) };
      }
    }
    expect(invocations).toBeGreaterThan(2);
    expect(granted).toBe(2);
    expect((await table.store.getProfile(seeded.ann))?.xp).toBe(120);
    expect((await table.store.getProfile(seeded.bob))?.xp).toBe(45);
  });
});
