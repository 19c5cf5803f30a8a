import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { DynamoUnlockStatsStore } from '../../shared/adapters/dynamo/unlock-stats-store';
import { makeRecordActivity } from '../../shared/app/record-activity';
import type { UnlockStats } from '../../shared/domain/achievements/views';
import type { LambdaHandler } from '../../shared/local/lambda-invoke';
import { startStreamConsumers } from '../../shared/local/stream-consumers';
import { startTableStream } from '../../shared/local/table-stream';
import { tableStreamConsumers } from '../../shared/streams/table-stream-consumers';
import { createTestStore } from '../support/dynamodb';
import { eventually } from '../support/eventually';
import { activityFor, depsFor, uniqueId } from '../support/game-fixtures';

describe('DynamoUnlockStatsStore', () => {
  it('adds signed counts and reads them back; a batch id seen before adds nothing', async () => {
    const { client, tableName } = await createTestStore();
    const stats = new DynamoUnlockStatsStore({ client, tableName });

    await stats.addUnlockStats(
      { users: 3, unlocks: { first_lesson: 2, 'storyteller#bronze': 1 } },
      'batch-1',
    );
    await stats.addUnlockStats(
      { users: 3, unlocks: { first_lesson: 2, 'storyteller#bronze': 1 } },
      'batch-1',
    );
    await stats.addUnlockStats({ users: 1, unlocks: { first_lesson: -1, quiz_master: 1 } }, 'batch-2');

    expect(await stats.readUnlockStats()).toEqual({
      users: 4,
      unlocks: { first_lesson: 1, 'storyteller#bronze': 1, quiz_master: 1 },
    });
  });

  it('reads zero users and no unlocks from an empty table', async () => {
    const { client, tableName } = await createTestStore();
    expect(await new DynamoUnlockStatsStore({ client, tableName }).readUnlockStats()).toEqual({
      users: 0,
      unlocks: {},
    });
  });

  it('writes more than 100 counters (one transaction per 100), each once', async () => {
    const { client, tableName } = await createTestStore();
    const stats = new DynamoUnlockStatsStore({ client, tableName });
    const unlocks = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`badge_${i}`, i + 1]));

    await stats.addUnlockStats({ users: 200, unlocks }, 'big');
    await stats.addUnlockStats({ users: 200, unlocks }, 'big');

    const read = await stats.readUnlockStats();
    expect(read.users).toBe(200);
    expect(read.unlocks).toEqual(unlocks);
  });
});

describe('the table stream, read locally', () => {
  it("hands over a committed activity's items in Lambda's record shape", async () => {
    const { client, store, tableName, endpoint } = await createTestStore();
    const batches: DynamoDBRecord[][] = [];
    const stream = await startTableStream({
      client,
      endpoint,
      tableName,
      onBatch: async (records) => void batches.push(records),
      logError: () => undefined,
    });
    try {
      const userId = uniqueId('user');
      await makeRecordActivity(depsFor(store))(activityFor(userId, 'quiz_completed'));
      const records = await eventually(
        async () => batches.flat(),
        (r) => r.length >= 2,
      );
      const keys = records.map((r) => r.dynamodb?.Keys?.sk?.S);
      expect(keys).toEqual(expect.arrayContaining(['PROFILE', expect.stringMatching(/^EVENT#/)]));
      const profile = records.find((r) => r.dynamodb?.Keys?.sk?.S === 'PROFILE');
      expect(profile).toMatchObject({
        eventName: 'INSERT',
        eventSource: 'aws:dynamodb',
        eventSourceARN: expect.stringContaining(tableName),
        dynamodb: { Keys: { pk: { S: `USER#${userId}` } }, NewImage: { version: { N: '1' } } },
      });
      expect(typeof profile?.dynamodb?.ApproximateCreationDateTime).toBe('number');
    } finally {
      await stream.stop();
    }
  });

  it('counts users and first unlocks through the CountUnlocks consumer, retrying a failed batch once counted', async () => {
    const { client, store, tableName, endpoint } = await createTestStore();
    const stats = new DynamoUnlockStatsStore({ client, tableName });
    process.env.TABLE_NAME = tableName;
    process.env.DYNAMODB_ENDPOINT = endpoint;
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    const module = (await import('../../functions/stream/count-unlocks')) as { handler: LambdaHandler };
    let failures = 1;
    const stream = await startStreamConsumers({
      consumers: tableStreamConsumers.filter((c) => c.id === 'CountUnlocks'),
      // The real handler, failing once after it counted: the retry carries the same records.
      loadHandler: async () => async (event, context) => {
        await module.handler(event, context);
        if (failures-- > 0) throw new Error('injected: failed after the counts were written');
      },
      client,
      endpoint,
      tableName,
      logError: () => undefined,
    });
    try {
      const record = makeRecordActivity(depsFor(store));
      const users = [uniqueId('a'), uniqueId('b'), uniqueId('c')];
      for (const userId of users) await record(activityFor(userId, 'lesson_complete', { subjectId: 's1' }));
      await record(activityFor(users[0] as string, 'lesson_complete', { subjectId: 's2' }));

      const read = await eventually<UnlockStats>(
        () => stats.readUnlockStats(),
        (s) => s.users >= 3 && (s.unlocks.first_lesson ?? 0) >= 3,
      );
      // Settle: a double count would show up after the retry.
      await new Promise((r) => setTimeout(r, 500));
      expect(await stats.readUnlockStats()).toEqual(read);
      expect(read.users).toBe(3);
      expect(read.unlocks.first_lesson).toBe(3);
      expect(failures).toBeLessThan(0);
    } finally {
      await stream.stop();
    }
  });
});
