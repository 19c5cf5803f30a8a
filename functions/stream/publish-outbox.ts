import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { outboxRecordOf } from '../../shared/adapters/dynamo/outbox-stream';
import { busPublisher } from '../../shared/bus-wiring';
import { emfBusinessMetrics, lambdaObservability, operationsLog } from '../../shared/observability';
import { outboxOperationsLog, publishOutbox, RecentlyPublished } from '../../shared/streams/outbox-publisher';

/** kept across invocations: the retry of a partly published batch skips what went out */
const recent = new RecentlyPublished();
const log = outboxOperationsLog(emfBusinessMetrics, operationsLog);

/**
 * The table's stream -> the bus: every committed outcome's events (event
 * items and profile-change outbox items), published once the transaction
 * committed and only then. Failures are reported per record, so Lambda
 * retries from the first unpublished one.
 */
export async function main(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const { retryFrom } = await publishOutbox(event.Records.map(outboxRecordOf), busPublisher(), log, recent);
  return { batchItemFailures: retryFrom ? [{ itemIdentifier: retryFrom.position }] : [] };
}

export const handler = middy(main).use(lambdaObservability());
