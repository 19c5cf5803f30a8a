import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { LOCAL_REGION } from './handler-env';

/**
 * Reads DynamoDB Local's stream of the table the way Lambda's event source
 * mapping reads DynamoDB Streams on AWS: every shard in order, records handed
 * over in Lambda's shape, the next batch only once the last one is handled.
 * Starts at the latest record: everything the runtime writes from now on,
 * nothing written while it was stopped.
 */

export interface TableStreamOptions {
  client: DynamoDBClient;
  endpoint: string;
  tableName: string;
  /** must not throw: retrying is the consumer's business (see stream-consumers.ts) */
  onBatch(records: DynamoDBRecord[]): Promise<void>;
  logError(message: string, error: unknown): void;
  /**
   * Pause between polls that found nothing, unless the last one came back
   * full (records gather into batches meanwhile). Two speeds: `activeIdleMs`
   * while records came within the last `activeWindowMs` (someone is playing:
   * their pushes should not wait), `idleMs` at rest (an idle runtime should
   * cost next to no CPU). Lambda polls a shard four times a second.
   */
  idleMs?: number;
  activeIdleMs?: number;
  activeWindowMs?: number;
}

export interface TableStream {
  stop(): Promise<void>;
}

const SHARD_REFRESH_MS = 2_000;
const GET_RECORDS_LIMIT = 1_000;

export async function startTableStream(opts: TableStreamOptions): Promise<TableStream> {
  const { Table } = await opts.client.send(new DescribeTableCommand({ TableName: opts.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${opts.tableName} has no stream`);
  const streams = new DynamoDBStreamsClient({
    endpoint: opts.endpoint,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const idleMs = opts.idleMs ?? 150;
  const activeIdleMs = opts.activeIdleMs ?? 10;
  const activeWindowMs = opts.activeWindowMs ?? 2_000;
  let lastRecordsAt = 0;
  /** shard id -> iterator; a shard whose iterator ran out is closed and done */
  const iterators = new Map<string, string>();
  const done = new Set<string>();

  async function refreshShards(initial: boolean): Promise<void> {
    let start: string | undefined;
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
      );
      for (const shard of StreamDescription?.Shards ?? []) {
        const id = shard.ShardId;
        if (!id || iterators.has(id) || done.has(id)) continue;
        const closed = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
        if (initial && closed) {
          done.add(id); // history from before this run
          continue;
        }
        const { ShardIterator } = await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: id,
            // at start: from now on; a shard born later: from its first record
            ShardIteratorType: initial ? 'LATEST' : 'TRIM_HORIZON',
          }),
        );
        if (ShardIterator) iterators.set(id, ShardIterator);
      }
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
  }

  /** true when a shard had more records than one call returns */
  async function pollShards(): Promise<boolean> {
    let busy = false;
    for (const [id, iterator] of iterators) {
      const { Records = [], NextShardIterator } = await streams.send(
        new GetRecordsCommand({ ShardIterator: iterator, Limit: GET_RECORDS_LIMIT }),
      );
      if (Records.length >= GET_RECORDS_LIMIT) busy = true;
      if (Records.length > 0) {
        lastRecordsAt = Date.now();
        await opts.onBatch(Records.map((r) => lambdaRecord(r, streamArn as string)));
      }
      if (NextShardIterator) iterators.set(id, NextShardIterator);
      else {
        iterators.delete(id);
        done.add(id);
      }
    }
    return busy;
  }

  await refreshShards(true);
  let stopping = false;
  const loop = (async () => {
    let refreshedAt = Date.now();
    while (!stopping) {
      try {
        if (Date.now() - refreshedAt > SHARD_REFRESH_MS) {
          refreshedAt = Date.now();
          await refreshShards(false);
        }
        if (!(await pollShards())) {
          await sleep(Date.now() - lastRecordsAt < activeWindowMs ? activeIdleMs : idleMs);
        }
      } catch (error) {
        if (stopping) break;
        opts.logError('reading the table stream failed; retrying', error);
        await sleep(1_000);
      }
    }
  })();
  return {
    stop: async () => {
      stopping = true;
      await loop;
      streams.destroy();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A Streams API record in the shape Lambda hands a stream function: the same
 * fields, with the creation time in epoch seconds. Attribute values are the
 * same JSON shapes (the table holds no binary attributes).
 */
function lambdaRecord(record: StreamRecord, streamArn: string): DynamoDBRecord {
  const change = record.dynamodb;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: record.eventSource,
    awsRegion: record.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(change?.ApproximateCreationDateTime && {
        ApproximateCreationDateTime: Math.floor(change.ApproximateCreationDateTime.getTime() / 1000),
      }),
      Keys: change?.Keys as NonNullable<DynamoDBRecord['dynamodb']>['Keys'],
      ...(change?.NewImage && {
        NewImage: change.NewImage as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'],
      }),
      ...(change?.OldImage && {
        OldImage: change.OldImage as NonNullable<DynamoDBRecord['dynamodb']>['OldImage'],
      }),
      SequenceNumber: change?.SequenceNumber,
      SizeBytes: change?.SizeBytes,
      StreamViewType: change?.StreamViewType,
    },
  } as DynamoDBRecord;
}
