import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { type Envelope, outcomeEventId } from '../../events/envelope';
import { outboxRecordItem } from '../../shared/adapters/dynamo/outbox-record';
import { DynamoStoredOutcomes } from '../../shared/adapters/dynamo/stored-outcomes';
import { makeRecordActivity } from '../../shared/app/record-activity';
import type { EventPublisher } from '../../shared/ports/events';
import { republishOutbox } from '../../shared/streams/republish-outbox';
import { createTestStore } from '../support/dynamodb';
import { activityFor, depsFor, uniqueId } from '../support/game-fixtures';

const quietLog = { published: () => undefined, rejected: () => undefined, failed: () => undefined };

function recordingPublisher(): EventPublisher & { published: Envelope[] } {
  const published: Envelope[] = [];
  return {
    published,
    async publish(envelopes) {
      published.push(...envelopes);
    },
  };
}

const at = (iso: string) => ({ now: () => new Date(iso) });

describe('republishing the outbox of stored outcomes', () => {
  it('publishes the named outcomes again with the ids they had, and names what it did not find', async () => {
    const test = await createTestStore();
    const [ada, bob] = [uniqueId('ada'), uniqueId('bob')];
    const record = makeRecordActivity(depsFor(test.store));
    // the same event id for two users: their events must still differ
    await record(activityFor(ada, 'quiz_completed', { eventId: 'shared-1' }));
    await record(activityFor(bob, 'quiz_completed', { eventId: 'shared-1' }));
    const publisher = recordingPublisher();
    const deps = { outcomes: new DynamoStoredOutcomes(test), publisher, log: quietLog };

    const result = await republishOutbox(deps, {
      refs: [
        { userId: ada, eventId: 'shared-1' },
        { userId: bob, eventId: 'shared-1' },
        { userId: ada, eventId: 'never-applied' },
      ],
    });

    expect(result.failed).toBe(false);
    expect(result.missing).toEqual([{ userId: ada, eventId: 'never-applied' }]);
    const ids = publisher.published.map((e) => e.metadata.id);
    // a quiz: the award and two streaks started, for each user, ids by user, cause and position
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(ids).toContain(outcomeEventId(ada, 'shared-1', 0));
    expect(ids).toContain(outcomeEventId(bob, 'shared-1', 2));
    // a second run publishes the very same events
    const again = recordingPublisher();
    await republishOutbox({ ...deps, publisher: again }, { refs: [{ userId: ada, eventId: 'shared-1' }] });
    expect(again.published).toEqual(publisher.published.filter((e) => e.metadata.user_id === ada));
  });

  it('finds every event item and profile change recorded in a time range, oldest first', async () => {
    const test = await createTestStore();
    const ada = uniqueId('ada');
    const before = makeRecordActivity(depsFor(test.store, { clock: at('2026-11-30T09:00:00.000Z') }));
    const inside = makeRecordActivity(depsFor(test.store, { clock: at('2026-11-30T10:00:00.000Z') }));
    await before(
      activityFor(ada, 'quiz_completed', { eventId: 'early', occurredAt: '2026-11-30T08:59:00.000Z' }),
    );
    await inside(
      activityFor(ada, 'quiz_completed', { eventId: 'on-time', occurredAt: '2026-11-30T09:59:00.000Z' }),
    );
    // a profile change's outbox item (a freeze used), recorded after the activity
    const change = outboxRecordItem({
      userId: ada,
      eventId: 'freeze-1',
      recordedAt: '2026-11-30T10:05:00.000Z',
      events: [],
    });
    await test.doc.send(new PutCommand({ TableName: test.tableName, Item: change }));
    const publisher = recordingPublisher();

    const dry = await republishOutbox(
      { outcomes: new DynamoStoredOutcomes(test), publisher, log: quietLog },
      { since: '2026-11-30T09:30:00.000Z', until: '2026-11-30T11:00:00.000Z' },
      { dryRun: true },
    );

    const mine = dry.records.filter((r) => r.key.startsWith(`USER#${ada} `)).map((r) => r.key.split(' ')[1]);
    expect(mine).toEqual(['EVENT#on-time', 'OUTBOX#freeze-1']);
    expect(publisher.published).toEqual([]);
  });
});
