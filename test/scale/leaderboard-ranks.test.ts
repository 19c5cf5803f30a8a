import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoLeaderboardStore } from '../../shared/adapters/dynamo/leaderboard-store';
import { forEachConcurrently } from '../../shared/concurrency';
import type { BoardRef, Contender, MyStanding } from '../../shared/ports/leaderboards';
import { batchWrite } from '../support/batch-write';
import { createTestStore } from '../support/dynamodb';
import { BoardModel, contender } from '../support/leaderboard-model';
import { projectedItems } from '../support/projected-board';

/**
 * The leaderboard's correctness test: 5,000 users with many ties, then random
 * updates projected in concurrent batches (up, down, to 0, hidden, shown,
 * repeated and stale records); every user's rank, percentile and total then
 * equal the brute force's, on two boards: one whose buckets hold many tied
 * users, one whose scores spread over hundreds of bucket groups.
 */

const USERS = 5_000;
const UPDATES = 1_500;
const ties: BoardRef = { id: 'ties', bucketWidth: 7 };
const spread: BoardRef = { id: 'spread', bucketWidth: 5 };
const boards = [ties, spread];
const WEEK = '2026-W48';
/**
 * Few distinct instants, so equal scores often share their time too and the
 * user id decides; spread over three days and several ten-minute slots, so
 * the day and slot counters are exercised too.
 */
const instants = Array.from({ length: 12 }, (_, i) =>
  new Date(Date.UTC(2026, 10, 21 + (i % 3), 8 + (i % 5), (i * 7) % 60)).toISOString(),
);

const userId = (i: number) => `user-${String(i).padStart(5, '0')}`;

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

describe('leaderboard store against a brute-force ranking (DynamoDB Local)', () => {
  const models = { ties: new BoardModel('ties', 'all'), spread: new BoardModel('spread', WEEK) };
  let store: DynamoLeaderboardStore;

  beforeAll(async () => {
    // No stream: nothing here reads it (the projection is called directly), and DynamoDB
    // Local's writes slow down as a stream grows: 5,000 users would load far slower.
    const { client, doc, tableName } = await createTestStore({ stream: false });
    store = new DynamoLeaderboardStore({ client, tableName });
    // mulberry32, seeded: the same users and updates on every run.
    let seed = 6;
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * n);
    };
    const versions = new Map<string, number>();
    const stateOf = (i: number, visible: boolean): Contender => {
      const id = userId(i);
      const version = (versions.get(id) ?? 0) + 1;
      versions.set(id, version);
      return contender(
        id,
        version,
        instants[random(instants.length)] as string,
        [
          { board: 'ties', period: 'all', score: random(40) === 0 ? 0 : random(300) },
          { board: 'spread', period: WEEK, score: random(50_000), expiresAt: 1_900_000_000 },
        ],
        { visible, level: 1 + random(20) },
      );
    };
    const initial = Array.from({ length: USERS }, (_, i) => stateOf(i, random(50) !== 0));
    // The starting boards, loaded the fast way: the items and counters the projection would
    // leave (its own functions build them), in batch writes: seconds, where projecting 5,000
    // users took a minute. What is under test runs on top: the updates below, projected.
    await batchWrite(doc, tableName, projectedItems(boards, initial));
    // Concurrent batches: transactions race on the shared bucket counters.
    const updates: Contender[] = [];
    for (let u = 0; u < UPDATES; u++) updates.push(stateOf(random(USERS), random(30) !== 0));
    // A repeated record, and a stale one (an older version) arriving late.
    updates.push(...updates.slice(0, 50), { ...(initial[3] as Contender) });
    for (const c of [...initial, ...updates]) for (const model of Object.values(models)) model.apply(c);
    await forEachConcurrently(chunks(updates, 100), 3, async (batch) => {
      await store.project(boards, batch);
    });
  }, 240_000);

  for (const [name, board, period] of [
    ['ties', ties, 'all'],
    ['spread', spread, WEEK],
  ] as const) {
    it(`${name}: every user's rank, percentile and total equal the brute force's`, async () => {
      const standings = models[name].standings();
      const mismatches: string[] = [];
      const ids = Array.from({ length: USERS }, (_, i) => userId(i));
      await forEachConcurrently(ids, 32, async (id) => {
        const got = await store.standing(board, period, id, 0);
        const want = standings.get(id) ?? null;
        const gotStanding =
          'rank' in got ? { rank: got.rank, total: got.total, percentile: got.percentile } : null;
        if (JSON.stringify(gotStanding) !== JSON.stringify(want)) {
          mismatches.push(`${id}: ${JSON.stringify(gotStanding)} != ${JSON.stringify(want)}`);
        }
      });
      expect(mismatches.slice(0, 5)).toEqual([]);
      expect(standings.size).toBeGreaterThan(USERS * 0.9);
    }, 120_000);

    it(`${name}: neighbours and the top 100 equal the brute force's`, async () => {
      const ranking = models[name].ranking();
      const top = await store.top(board, period, 100);
      expect(top.map((e) => [e.rank, e.userId, e.score])).toEqual(
        ranking.slice(0, 100).map((u, i) => [i + 1, u.userId, u.score]),
      );
      // The first, the last, and every 7th user in between.
      const sample = ranking.filter((_, i) => i % 7 === 0 || i < 3 || i >= ranking.length - 3);
      const mismatches: string[] = [];
      await forEachConcurrently(sample, 32, async (u) => {
        const got = (await store.standing(board, period, u.userId, 3)) as MyStanding;
        const rank = got.rank;
        const want = (from: number, to: number) =>
          ranking
            .slice(Math.max(0, from), Math.max(0, to))
            .map((n, i) => `${Math.max(0, from) + i + 1}:${n.userId}`);
        const seen = (entries: MyStanding['above']) => entries.map((e) => `${e.rank}:${e.userId}`);
        if (JSON.stringify(seen(got.above)) !== JSON.stringify(want(rank - 4, rank - 1)))
          mismatches.push(`${u.userId} above`);
        if (JSON.stringify(seen(got.below)) !== JSON.stringify(want(rank, rank + 3)))
          mismatches.push(`${u.userId} below`);
      });
      expect(mismatches.slice(0, 5)).toEqual([]);
    }, 120_000);
  }
});
