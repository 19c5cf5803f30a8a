import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import type { Envelope } from '../../events/envelope';
import { readOutbox } from '../adapters/dynamo/outbox-stream';
import type { EventPublisher } from '../ports';

/** PutEvents sends 10 at a time: records are grouped until they carry about that many. */
const GROUP_SIZE = 10;

export interface OutboxLog {
  published(count: number): void;
  rejected(record: DynamoDBRecord, rejected: { id: string; type: string; problem: string }[]): void;
  failed(record: DynamoDBRecord, error: unknown): void;
}

/**
 * Publishes the outbox events of a batch of stream records, in stream order.
 * When a group fails, the batch stops there and reports that group's first
 * record: Lambda retries from it, so what came before is not sent again,
 * and a repeat of what failed is recognisable by its `metadata.id`.
 */
export async function publishOutbox(
  records: readonly DynamoDBRecord[],
  publisher: EventPublisher,
  log: OutboxLog,
): Promise<DynamoDBBatchResponse> {
  let group: Envelope[] = [];
  let groupStart: DynamoDBRecord | undefined;
  const flush = async (): Promise<DynamoDBBatchResponse | null> => {
    if (!groupStart || group.length === 0) return null;
    try {
      await publisher.publish(group);
      log.published(group.length);
    } catch (error) {
      log.failed(groupStart, error);
      return { batchItemFailures: [{ itemIdentifier: groupStart.dynamodb?.SequenceNumber ?? '' }] };
    }
    group = [];
    groupStart = undefined;
    return null;
  };
  for (const record of records) {
    const { envelopes, rejected } = readOutbox(record);
    if (rejected.length > 0) log.rejected(record, rejected);
    if (envelopes.length === 0) continue;
    groupStart ??= record;
    group.push(...envelopes);
    if (group.length >= GROUP_SIZE) {
      const failed = await flush();
      if (failed) return failed;
    }
  }
  return (await flush()) ?? { batchItemFailures: [] };
}
