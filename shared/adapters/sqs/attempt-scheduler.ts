import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { attemptMessage } from '../../bus/webhook-messages';
import type { AttemptScheduler, DeliveryRef } from '../../ports/webhooks';

/** SQS delays a message 15 minutes at most: the retry schedule never asks for more. */
const MAX_DELAY_SECONDS = 900;

/**
 * The next attempt of a delivery as a delayed message on the webhook queue
 * (the same consumer takes it), and a delivery given up as a message on the
 * queue's dead-letter queue, with why.
 */
export class SqsAttemptScheduler implements AttemptScheduler {
  constructor(private readonly deps: { client: SQSClient; queueUrl: string; deadLetterQueueUrl: string }) {}

  async schedule(ref: DeliveryRef, delaySeconds: number): Promise<void> {
    await this.deps.client.send(
      new SendMessageCommand({
        QueueUrl: this.deps.queueUrl,
        MessageBody: attemptMessage(ref),
        DelaySeconds: Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.round(delaySeconds))),
      }),
    );
  }

  async deadLetter(ref: DeliveryRef, reason: string): Promise<void> {
    await this.deps.client.send(
      new SendMessageCommand({
        QueueUrl: this.deps.deadLetterQueueUrl,
        MessageBody: attemptMessage(ref, { reason }),
      }),
    );
  }
}
