import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod';
import { EventBridgePublisher } from '../../shared/adapters/eventbridge/event-publisher';
import { parseEnv } from '../../shared/env';
import { emfBusinessMetrics, lambdaObservability, logger } from '../../shared/observability';
import { PublishFailedError } from '../../shared/ports';
import { publishOutbox, RecentlyPublished } from '../../shared/streams/outbox-publisher';

const env = parseEnv(
  z.object({
    EVENT_BUS_NAME: z.string().min(1),
    /** only set locally: the local bus's PutEvents endpoint */
    EVENTBRIDGE_ENDPOINT: z.url().optional(),
  }),
  process.env,
  'the outbox publisher',
);

let publisher: EventBridgePublisher | undefined;
/** kept across invocations: the retry of a partly published batch skips what went out */
const recent = new RecentlyPublished();
function getPublisher(): EventBridgePublisher {
  publisher ??= new EventBridgePublisher({
    client: new EventBridgeClient(env.EVENTBRIDGE_ENDPOINT ? { endpoint: env.EVENTBRIDGE_ENDPOINT } : {}),
    busName: env.EVENT_BUS_NAME,
  });
  return publisher;
}

/**
 * The table's stream -> the bus: every committed outcome's events (event
 * items and profile-change outbox items), published once the transaction
 * committed and only then. Failures are reported per record, so Lambda
 * retries from the first unpublished one.
 */
export async function main(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  return publishOutbox(
    event.Records,
    getPublisher(),
    {
      published: (count) => emfBusinessMetrics.count('EventsPublished', count),
      rejected: (record, rejected) => {
        emfBusinessMetrics.count('EventsDropped', rejected.length);
        logger.error('outbox events broke their contract and were not published', {
          key: record.dynamodb?.Keys,
          rejected,
        });
      },
      failed: (record, error) => {
        if (error instanceof PublishFailedError)
          emfBusinessMetrics.count('EventsRefused', error.failures.length);
        logger.error('publishing the outbox failed; the batch is retried from this record', {
          key: record.dynamodb?.Keys,
          sequenceNumber: record.dynamodb?.SequenceNumber,
          error,
        });
      },
    },
    recent,
  );
}

export const handler = middy(main).use(lambdaObservability());
