import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../events/envelope';
import { schema as changedSchema } from '../../../events/leaderboard-changed.v1';
import { DynamoLeaderboardStore } from '../../../shared/adapters/dynamo/leaderboard-store';
import { profilesOf } from '../../../shared/adapters/dynamo/profile-stream';
import { makeRecordActivity } from '../../../shared/app/record-activity';
import { makeUpdateUserSettings } from '../../../shared/app/update-user-settings';
import { periodKey } from '../../../shared/domain/leaderboards/periods';
import { startTableStream } from '../../../shared/local/table-stream';
import type { MyStanding } from '../../../shared/ports/leaderboards';
import { boardRefsOf, projectLeaderboards } from '../../../shared/streams/leaderboard-projector';
import { createTestStore } from '../../support/dynamodb';
import { eventually } from '../../support/eventually';
import { activityFor, depsFor, flatRules, uniqueId } from '../../support/game-fixtures';

/**
 * Profile writes -> DynamoDB Local's stream -> the projector -> the boards,
 * with the real use cases writing the profiles. The bus is the port's
 * in-memory side: the envelopes it gets are checked against the contract.
 */

describe('the leaderboard projector on the table stream', () => {
  it('ranks users by XP (all time and this week), tells who entered the top 10, and drops an opted-out user', async () => {
    const { client, store, tableName, endpoint } = await createTestStore();
    const boards = new DynamoLeaderboardStore({ client, tableName });
    const published: Envelope[] = [];
    const seen: DynamoDBRecord[] = [];
    const deps = {
      rules: flatRules,
      store: boards,
      clock: { now: () => new Date() },
      publisher: { publish: async (envelopes: readonly Envelope[]) => void published.push(...envelopes) },
      publishFailed: () => undefined,
    };
    const stream = await startTableStream({
      client,
      endpoint,
      tableName,
      onBatch: async (records) => {
        seen.push(...records);
        await projectLeaderboards(profilesOf(records), deps);
      },
      logError: () => undefined,
    });
    const xp = boardRefsOf(flatRules).find((b) => b.id === 'xp');
    if (!xp) throw new Error('the default rules have an xp board');
    try {
      const record = makeRecordActivity(depsFor(store));
      const [ada, bob, cy] = [uniqueId('ada'), uniqueId('bob'), uniqueId('cy')];
      // Three quizzes, two, one: whatever an achievement adds, ada leads, then bob, then cy.
      for (const [user, quizzes] of [
        [ada, 3],
        [bob, 2],
        [cy, 1],
      ] as const) {
        for (let i = 0; i < quizzes; i++) await record(activityFor(user, 'quiz_completed'));
      }

      const top = await eventually(
        () => boards.top(xp, 'all', 10),
        (t) => t.length === 3,
      );
      expect(top.map((e) => [e.rank, e.userId])).toEqual([
        [1, ada],
        [2, bob],
        [3, cy],
      ]);
      const week = periodKey('week', new Date(), 'UTC');
      expect((await boards.top(xp, week, 10)).map((e) => e.userId)).toEqual([ada, bob, cy]);
      const standing = (await boards.standing(xp, 'all', bob, 1)) as MyStanding;
      expect(standing).toMatchObject({ rank: 2, total: 3, percentile: 50 });
      expect(standing.above.map((e) => e.userId)).toEqual([ada]);
      expect(standing.below.map((e) => e.userId)).toEqual([cy]);

      const entered = await eventually(
        async () => published.map((e) => changedSchema.parse(e.data)),
        (all) => all.some((d) => d.user_id === cy && d.board === 'xp' && d.period === 'all'),
      );
      expect(
        entered.filter((d) => d.board === 'xp' && d.period === 'all' && d.user_id === ada)[0],
      ).toMatchObject({
        rank: 1,
        previous_rank: null,
      });

      // Bob opts out: he leaves the board, cy moves up, and ada is untouched.
      await makeUpdateUserSettings(depsFor(store))(bob, { leaderboardVisible: false });
      const after = await eventually(
        () => boards.top(xp, 'all', 10),
        (t) => t.length === 2,
      );
      expect(after.map((e) => [e.rank, e.userId])).toEqual([
        [1, ada],
        [2, cy],
      ]);
      const bobsXp = (await store.getProfile(bob))?.xp;
      expect(await boards.standing(xp, 'all', bob, 0)).toEqual({ unranked: 'hidden', score: bobsXp });
      const moved = published.map((e) => changedSchema.parse(e.data));
      expect(
        moved.some((d) => d.user_id === cy && d.board === 'xp' && d.rank === 2 && d.previous_rank === 3),
      ).toBe(true);

      // The same records again (a retried batch) change nothing and tell nothing.
      const before = published.length;
      const again = await projectLeaderboards(profilesOf(seen), deps);
      expect(again.changes).toEqual([]);
      expect(published).toHaveLength(before);
      expect(((await boards.standing(xp, 'all', cy, 0)) as MyStanding).total).toBe(2);
    } finally {
      await stream.stop();
    }
  });
});
