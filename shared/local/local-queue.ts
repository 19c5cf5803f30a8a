import { createHash, randomUUID } from 'node:crypto';
import { LOCAL_ACCOUNT_ID } from './api-gateway-event';
import { LOCAL_REGION } from './handler-env';
import { invokeLocally, type LambdaHandler, lambdaContext } from './lambda-invoke';

const RETRY_DELAY_MS = 500;

/**
 * One message through a queue consumer locally, as SQS and Lambda do it: a
 * batch of one, received again while the consumer reports it failed (or
 * throws), up to `maxReceives`. Answers whether it was consumed; false means
 * it belongs in the dead-letter queue.
 */
export async function consumeLocally(opts: {
  handler: LambdaHandler;
  queue: string;
  body: string;
  maxReceives: number;
  timeoutMs: number;
  logError(message: string, error: unknown): void;
}): Promise<boolean> {
  const messageId = randomUUID();
  for (let receive = 1; receive <= opts.maxReceives; receive++) {
    const record = sqsRecord(messageId, opts.body, receive, opts.queue);
    try {
      const answer = (await invokeLocally(
        opts.handler,
        { Records: [record] },
        lambdaContext(opts.queue, randomUUID(), opts.timeoutMs),
      )) as { batchItemFailures?: { itemIdentifier: string }[] } | undefined;
      if (!answer?.batchItemFailures?.some((f) => f.itemIdentifier === messageId)) return true;
    } catch (error) {
      opts.logError(`${opts.queue}: the consumer threw; the message is redelivered`, error);
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
  }
  return false;
}

function sqsRecord(messageId: string, body: string, receiveCount: number, queue: string) {
  const now = String(Date.now());
  return {
    messageId,
    receiptHandle: `${messageId}#${receiveCount}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: now,
      SenderId: LOCAL_ACCOUNT_ID,
      ApproximateFirstReceiveTimestamp: now,
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${queue}`,
    awsRegion: LOCAL_REGION,
  };
}
