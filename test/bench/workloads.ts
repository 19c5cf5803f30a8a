import { randomUUID } from 'node:crypto';
import { type DynamoDBClient, GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoGameStore } from '../../shared/adapters/dynamo/game-store';
import { makeRecordActivity } from '../../shared/app/record-activity';
import type { Rules } from '../../shared/rules/schema';

/** One unit of work for worker `worker`: everything one activity costs. */
export type Operation = (worker: number) => Promise<void>;

/**
 * The raw minimum DESIGN.md measures against: per activity, one consistent
 * GetItem of the user's item, then one 2-item TransactWriteItems (a new
 * ledger row + the user's item guarded by its version), issued by a bare SDK
 * loop on the low-level client. Each worker owns one user.
 */
export function rawMinimum(client: DynamoDBClient, tableName: string, run: string): Operation {
  const versions = new Map<number, number>();
  return async (worker) => {
    const pk = { S: `USER#raw-${run}-${worker}` };
    const { Item } = await client.send(
      new GetItemCommand({ TableName: tableName, Key: { pk, sk: { S: 'PROFILE' } }, ConsistentRead: true }),
    );
    const version = Item?.version?.N ? Number(Item.version.N) : (versions.get(worker) ?? 0);
    const now = new Date().toISOString();
    await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: { pk, sk: { S: `TX#${now}#${randomUUID()}` }, xp: { N: '10' }, coins: { N: '2' } },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: { pk, sk: { S: 'PROFILE' }, version: { N: String(version + 1) }, updated_at: { S: now } },
              ...(version === 0
                ? { ConditionExpression: 'attribute_not_exists(pk)' }
                : {
                    ConditionExpression: '#v = :v',
                    ExpressionAttributeNames: { '#v': 'version' },
                    ExpressionAttributeValues: { ':v': { N: String(version) } },
                  }),
            },
          },
        ],
      }),
    );
    versions.set(worker, version + 1);
  };
}

/** The real path: the record-activity use case on the DynamoDB store, one user per worker. */
export function recordActivityUseCase(
  doc: DynamoDBDocumentClient,
  tableName: string,
  rules: Rules,
  run: string,
): Operation {
  const record = makeRecordActivity({
    store: new DynamoGameStore({ doc, tableName }),
    rules,
    clock: { now: () => new Date() },
  });
  return async (worker) => {
    await record({
      eventId: randomUUID(),
      userId: `uc-${run}-${worker}`,
      type: 'flashcard_session',
      occurredAt: new Date().toISOString(),
    });
  };
}

export interface Measurement {
  opsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  count: number;
}

/** Runs `op` on `concurrency` workers for `durationMs` (closed loop) and reports throughput and latency. */
export async function measure(op: Operation, concurrency: number, durationMs: number): Promise<Measurement> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await op(worker);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { opsPerSecond: latencies.length / elapsed, p50Ms: at(0.5), p95Ms: at(0.95), count: latencies.length };
}
