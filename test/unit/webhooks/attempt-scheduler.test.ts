import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SqsAttemptScheduler } from '../../../shared/adapters/sqs/attempt-scheduler';
import { parseWebhookMessage } from '../../../shared/bus/webhook-messages';

// this client only: the unit tests share a process, and the local SQS stand-in's test uses the real one
const client = new SQSClient({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const sqs = mockClient(client);
afterAll(() => sqs.restore());
const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/Questline-WebhooksOutQueue';
const deadLetterQueueUrl =
  'https://sqs.eu-west-1.amazonaws.com/123456789012/Questline-WebhooksOutDeadLetters';
const scheduler = new SqsAttemptScheduler({
  client,
  queueUrl,
  deadLetterQueueUrl,
});
const ref = { endpointId: 'wh_0123456789abcdef', deliveryId: '1764842400000.ev-1' };

beforeEach(() => {
  sqs.reset();
  sqs.on(SendMessageCommand).resolves({ MessageId: 'm-1' });
});

describe('scheduling webhook attempts on SQS', () => {
  it('puts the next attempt on the webhook queue, delayed, as a message the consumer reads back', async () => {
    await scheduler.schedule(ref, 61.4);
    const [call] = sqs.commandCalls(SendMessageCommand);
    expect(call?.args[0].input).toEqual({
      QueueUrl: queueUrl,
      MessageBody: JSON.stringify({ kind: 'webhook.attempt', ...ref }),
      DelaySeconds: 61,
    });
    expect(parseWebhookMessage(String(call?.args[0].input.MessageBody))).toEqual({ kind: 'attempt', ref });
  });

  it('never asks SQS for more than its 15-minute delay', async () => {
    await scheduler.schedule(ref, 5000);
    expect(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.DelaySeconds).toBe(900);
  });

  it('parks a delivery given up in the dead-letter queue, with why', async () => {
    await scheduler.deadLetter(ref, 'answered 503');
    expect(sqs.commandCalls(SendMessageCommand)[0]?.args[0].input).toEqual({
      QueueUrl: deadLetterQueueUrl,
      MessageBody: JSON.stringify({ kind: 'webhook.attempt', ...ref, reason: 'answered 503' }),
    });
  });
});

describe('the webhook queue messages', () => {
  it('reads an EventBridge event as the event to fan out, its envelope as the body', () => {
    const detail = {
      metadata: {
        id: 'abc',
        type: 'level.up',
        version: 1,
        source: 'questline',
        occurred_at: '2026-12-04T10:00:00.000Z',
        correlation_id: 'e-1',
        user_id: 'u-1',
      },
      data: { level: 2 },
    };
    const message = parseWebhookMessage(
      JSON.stringify({ 'detail-type': 'level.up', source: 'questline', detail }),
    );
    expect(message).toEqual({
      kind: 'event',
      event: {
        eventId: 'abc',
        detailType: 'level.up',
        occurredAt: '2026-12-04T10:00:00.000Z',
        body: JSON.stringify(detail),
      },
    });
  });

  it.each(['not json', '{}', '{"kind":"webhook.attempt"}', '{"detail-type":"x","detail":{}}'])(
    'drops %s',
    (body) => {
      expect(parseWebhookMessage(body)).toBeNull();
    },
  );
});
