import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSqsEndpoint } from '../../../shared/local/sqs-endpoint';

/** The local SQS stand-in, driven by the real SQS client as the webhook consumer drives it. */
const received: { body: string; at: number }[] = [];
let sqs: Awaited<ReturnType<typeof startSqsEndpoint>>;
let client: SQSClient;

beforeAll(async () => {
  sqs = await startSqsEndpoint({
    host: '127.0.0.1',
    queues: [
      { name: 'WebhooksOut', consumer: { id: 'WebhooksOut', entry: 'x' }, maxReceives: 2, timeoutSeconds: 5 },
    ],
    loadHandler: async () => async (event: unknown) => {
      for (const record of (event as { Records: { body: string }[] }).Records) {
        received.push({ body: record.body, at: Date.now() });
      }
      return { batchItemFailures: [] };
    },
    log: () => {},
    logError: () => {},
  });
  client = new SQSClient({
    endpoint: sqs.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});
afterAll(async () => {
  client.destroy();
  await sqs.stop();
});

describe('the local SQS stand-in', () => {
  it('hands a message to the queue consumer once its delay has passed', async () => {
    const sent = Date.now();
    const answer = await client.send(
      new SendMessageCommand({
        QueueUrl: sqs.queueUrl('WebhooksOut'),
        MessageBody: '{"n":1}',
        DelaySeconds: 1,
      }),
    );
    expect(answer.MessageId).toBeTruthy();
    expect(received).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(received.map((r) => r.body)).toEqual(['{"n":1}']);
    expect((received[0]?.at ?? 0) - sent).toBeGreaterThanOrEqual(950);
  });

  it('keeps what is sent to the dead-letter queue, and refuses an unknown queue', async () => {
    await client.send(
      new SendMessageCommand({ QueueUrl: sqs.queueUrl('WebhooksOut-dlq'), MessageBody: '{"n":2}' }),
    );
    expect(sqs.deadLetters()).toEqual([{ queue: 'WebhooksOut-dlq', body: '{"n":2}' }]);
    await expect(
      client.send(new SendMessageCommand({ QueueUrl: sqs.queueUrl('Nope'), MessageBody: 'x' })),
    ).rejects.toThrow(/no queue/);
  });
});
