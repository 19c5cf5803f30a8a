import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../events/envelope';
import { EventBridgePublisher } from '../../shared/adapters/eventbridge/event-publisher';
import { PublishFailedError } from '../../shared/ports/events';

const bridge = mockClient(EventBridgeClient);

function envelope(n: number): Envelope {
  return {
    metadata: {
      id: `evt-${n}#0`,
      type: 'points.awarded',
      version: 1,
      source: 'questline',
      occurred_at: '2026-11-23T10:00:00.000Z',
      correlation_id: `evt-${n}`,
      user_id: 'ada',
    },
    data: { n },
  };
}

const publisher = () =>
  new EventBridgePublisher({
    client: new EventBridgeClient({}),
    busName: 'questline',
    pause: async () => {},
  });

const sentEntries = () =>
  bridge.commandCalls(PutEventsCommand).map((call) => call.args[0].input.Entries as PutEventsRequestEntry[]);

beforeEach(() => bridge.reset());

describe('EventBridgePublisher', () => {
  it('puts 23 events in calls of 10, 10 and 3, each entry the envelope on the bus as source questline', async () => {
    bridge.on(PutEventsCommand).callsFake((input) => ({
      FailedEntryCount: 0,
      Entries: input.Entries.map((_: unknown, i: number) => ({ EventId: `id-${i}` })),
    }));
    const envelopes = Array.from({ length: 23 }, (_, i) => envelope(i));

    await publisher().publish(envelopes);

    expect(sentEntries().map((entries) => entries.length)).toEqual([10, 10, 3]);
    expect(sentEntries()[0]?.[0]).toEqual({
      EventBusName: 'questline',
      Source: 'questline',
      DetailType: 'points.awarded',
      Detail: JSON.stringify(envelopes[0]),
      Time: new Date('2026-11-23T10:00:00.000Z'),
    });
  });

  it('sends again only the entries PutEvents refused, until they are accepted', async () => {
    bridge
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 2,
        Entries: [
          { EventId: 'a' },
          { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' },
          { EventId: 'c' },
          { ErrorCode: 'InternalFailure', ErrorMessage: 'oops' },
        ],
      })
      .resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'b' }, { EventId: 'd' }] });

    await publisher().publish([envelope(1), envelope(2), envelope(3), envelope(4)]);

    const calls = sentEntries();
    expect(calls).toHaveLength(2);
    expect(calls[1]?.map((e) => JSON.parse(e.Detail ?? '{}').metadata.id)).toEqual(['evt-2#0', 'evt-4#0']);
  });

  it('throws PublishFailedError naming the entries still refused after every attempt', async () => {
    // evt-2 is refused every time; the rest go through.
    bridge.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => {
      const results = input.Entries.map((e) =>
        JSON.parse(e.Detail ?? '{}').metadata.id === 'evt-2#0'
          ? { ErrorCode: 'InternalFailure', ErrorMessage: 'down' }
          : { EventId: 'ok' },
      );
      return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
    });

    const error = await publisher()
      .publish([envelope(1), envelope(2)])
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PublishFailedError);
    expect((error as PublishFailedError).failures).toEqual([
      { id: 'evt-2#0', code: 'InternalFailure', message: 'down' },
    ]);
    expect(sentEntries()).toHaveLength(4);
  });

  it('lets an error of the call itself (network, access) reach the caller', async () => {
    bridge.on(PutEventsCommand).rejects(new Error('AccessDeniedException'));
    await expect(publisher().publish([envelope(1)])).rejects.toThrow('AccessDeniedException');
  });

  it('sends nothing for no events', async () => {
    await publisher().publish([]);
    expect(sentEntries()).toHaveLength(0);
  });
});
