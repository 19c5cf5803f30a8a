import { describe, expect, it } from 'vitest';
import { contractFor } from '../../events/catalog';
import { type Envelope, envelopeSchema } from '../../events/envelope';
import { outboxRecordOf } from '../../shared/adapters/dynamo/outbox-stream';
import { type EventPublisher, type OutboxRecord, PublishFailedError } from '../../shared/ports/events';
import { publishOutbox, RecentlyPublished } from '../../shared/streams/outbox-publisher';
import { recordsOfSomeOutcomes } from '../support/outbox-records';

const quietLog = { published: () => undefined, rejected: () => undefined, failed: () => undefined };

function recordingPublisher(failFirstCalls = 0): EventPublisher & { published: Envelope[] } {
  let calls = 0;
  const published: Envelope[] = [];
  return {
    published,
    async publish(envelopes) {
      calls += 1;
      if (calls <= failFirstCalls) throw new Error('injected: EventBridge unavailable');
      published.push(...envelopes);
    },
  };
}

describe('the outbox, from the stream to the bus', () => {
  it("publishes every committed outcome's events once, in order, each within its contract", async () => {
    const { records: stream, outcomes, ada } = await recordsOfSomeOutcomes();
    const records = stream.map(outboxRecordOf);
    const publisher = recordingPublisher();

    const answer = await publishOutbox(records, publisher, quietLog);

    expect(answer.retryFrom).toBeNull();
    const ids = publisher.published.map((e) => e.metadata.id);
    expect(new Set(ids).size).toBe(ids.length);
    // every published event, whole, against its versioned contract
    for (const published of publisher.published) {
      const contract = contractFor(published.metadata.type);
      expect(published.metadata.version).toBe(contract.version);
      expect(envelopeSchema(contract.schema).safeParse(published).success).toBe(true);
    }
    const frozen = publisher.published.find((e) => e.metadata.type === 'streak.frozen');
    expect(frozen?.metadata).toMatchObject({ correlation_id: 'freeze-req-1', user_id: ada });
    for (const { outcome } of outcomes) {
      const mine = publisher.published.filter((e) => e.metadata.correlation_id === outcome.eventId);
      expect(mine.map((e) => e.data)).toEqual(outcome.events.map((e) => e.data));
    }
  });

  it('when the bus fails after the commit, reports the first unpublished record; the retry publishes each event once', async () => {
    const records = (await recordsOfSomeOutcomes()).records.map(outboxRecordOf);
    const publisher = recordingPublisher(1);

    const first = await publishOutbox(records, publisher, quietLog);
    if (!first.retryFrom) throw new Error('the first run must fail');
    const from = records.indexOf(first.retryFrom);
    expect(from).toBeGreaterThanOrEqual(0);
    // Lambda retries from the reported record on.
    const retry = await publishOutbox(records.slice(from), publisher, quietLog);

    expect(retry.retryFrom).toBeNull();
    const everything = recordingPublisher();
    await publishOutbox(records, everything, quietLog);
    const ids = publisher.published.map((e) => e.metadata.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(everything.published.map((e) => e.metadata.id).sort());
  });

  it('when EventBridge refuses some entries of a group, the retry sends again only those', async () => {
    const records = (await recordsOfSomeOutcomes()).records.map(outboxRecordOf);
    const everything = recordingPublisher();
    await publishOutbox(records, everything, quietLog);
    // refuse one event of the second record that has any: the first record's went out
    const withEvents = records.filter((r) => everything.published.some((e) => sourceOf(e, records) === r));
    const victimRecord = withEvents[1];
    const victim = everything.published.find((e) => sourceOf(e, records) === victimRecord);
    if (!victimRecord || !victim) throw new Error('the fixture needs two records with events');
    const sent: string[] = [];
    let refusedOnce = false;
    const publisher: EventPublisher = {
      async publish(envelopes) {
        const refused = refusedOnce ? [] : envelopes.filter((e) => e.metadata.id === victim.metadata.id);
        refusedOnce ||= refused.length > 0;
        sent.push(...envelopes.filter((e) => !refused.includes(e)).map((e) => e.metadata.id));
        if (refused.length > 0)
          throw new PublishFailedError(
            refused.map((e) => ({ id: e.metadata.id, code: 'ThrottlingException', message: '' })),
          );
      },
    };
    const recent = new RecentlyPublished();

    const first = await publishOutbox(records, publisher, quietLog, recent);
    // the retry starts at the record holding the refused event, not at its group's first
    expect(first.retryFrom).toBe(victimRecord);
    const from = records.indexOf(victimRecord);
    const retry = await publishOutbox(records.slice(from), publisher, quietLog, recent);

    expect(retry.retryFrom).toBeNull();
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent.sort()).toEqual(everything.published.map((e) => e.metadata.id).sort());
  });
});

/** The record whose outbox holds this envelope. */
function sourceOf(envelope: Envelope, records: readonly OutboxRecord[]) {
  return records.find((r) => r.envelopes.some((e) => e.metadata.id === envelope.metadata.id));
}
