import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { passesStreamFilter, type StreamConsumerDefinition } from '../streams/table-stream-consumers';
import type { HandlerLoader } from './http-gateway';
import { invokeLocally, lambdaContext } from './lambda-invoke';
import { startTableStream, type TableStream } from './table-stream';

/** Like the event source mapping's retry attempts; then the batch is logged, as an on-failure destination would get it. */
const MAX_ATTEMPTS = 5;

/**
 * The table stream's consumers, locally: one reader of DynamoDB Local's
 * stream, each batch filtered per consumer by the same filter the CDK event
 * source mappings carry, and handed to the consumer's own handler module in
 * the event shape Lambda uses. A consumer that fails gets the same batch
 * again (and only that consumer), with backoff, MAX_ATTEMPTS times in all.
 */
export async function startStreamConsumers(opts: {
  consumers: readonly StreamConsumerDefinition[];
  loadHandler: HandlerLoader;
  client: DynamoDBClient;
  endpoint: string;
  tableName: string;
  logError(message: string, error: unknown): void;
}): Promise<TableStream> {
  const handlers = await Promise.all(opts.consumers.map((consumer) => opts.loadHandler(consumer)));
  return startTableStream({
    client: opts.client,
    endpoint: opts.endpoint,
    tableName: opts.tableName,
    logError: opts.logError,
    onBatch: async (records: DynamoDBRecord[]) => {
      await Promise.all(
        opts.consumers.map(async (consumer, i) => {
          const mine = records.filter((record) => passesStreamFilter(consumer.filters, record));
          const handler = handlers[i];
          if (mine.length === 0 || !handler) return;
          for (let attempt = 1; ; attempt++) {
            try {
              await invokeLocally(
                handler,
                { Records: mine },
                lambdaContext(consumer.id, randomUUID(), consumer.timeoutSeconds * 1000),
              );
              return;
            } catch (error) {
              if (attempt >= MAX_ATTEMPTS) {
                opts.logError(
                  `${consumer.id}: a batch of ${mine.length} records failed ${attempt} times; skipped`,
                  error,
                );
                return;
              }
              await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
            }
          }
        }),
      );
    },
  });
}
