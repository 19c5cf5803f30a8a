import { randomUUID } from 'node:crypto';
import { type DynamoDBClient, GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoTable } from '../../shared/adapters/dynamo/client';
import { DynamoGameStore } from '../../shared/adapters/dynamo/game-store';
import { ledgerIndex } from '../../shared/adapters/dynamo/table-definition';
import { makeRecordActivity } from '../../shared/app/record-activity';
import type { Rules } from '../../shared/rules/schema';
import { recentDaytimeIso } from '../support/daytime';

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

/**
 * The raw cost of this design's shape, for reference: the same consistent
 * GetItem, then one 2-item TransactWriteItems whose first item is an event
 * item of the use case's size carrying the ledger index key (create-only,
 * old image returned on failure) and whose second is a profile of the use
 * case's size. The use case over this is the overhead of our code; this over
 * rawMinimum is the price of the item sizes and the ledger index.
 */
export function rawSameShape(client: DynamoDBClient, tableName: string, run: string): Operation {
  const versions = new Map<number, number>();
  const pad = (bytes: number) => ({ S: 'x'.repeat(bytes) });
  return async (worker) => {
    const pk = { S: `USER#shape-${run}-${worker}` };
    const { Item } = await client.send(
      new GetItemCommand({ TableName: tableName, Key: { pk, sk: { S: 'PROFILE' } }, ConsistentRead: true }),
    );
    const version = Item?.version?.N ? Number(Item.version.N) : (versions.get(worker) ?? 0);
    const now = new Date().toISOString();
    const eventId = randomUUID();
    const isNew = { ConditionExpression: 'attribute_not_exists(pk)' };
    await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: {
                pk,
                sk: { S: `EVENT#${eventId}` },
                [ledgerIndex.sortKey]: { S: `TX#${now}#${eventId}` },
                // projected into the index, like the entry's fields
                reason: pad(160),
                // not projected, like the replay copy and the outbox events
                events: pad(420),
              },
              ...isNew,
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: { pk, sk: { S: 'PROFILE' }, version: { N: String(version + 1) }, pad: pad(200) },
              ...(version === 0
                ? isNew
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
export function recordActivityUseCase(table: DynamoTable, rules: Rules, run: string): Operation {
  const record = makeRecordActivity({
    store: new DynamoGameStore(table),
    rules,
    clock: { now: () => new Date() },
  });
  return async (worker) => {
    await record({
      eventId: randomUUID(),
      userId: `uc-${run}-${worker}`,
      type: 'flashcard_session',
      occurredAt: recentDaytimeIso(),
    });
  };
}

export interface Measurement {
  count: number;
  seconds: number;
  latenciesMs: number[];
}

/** Runs `op` on `concurrency` workers for `durationMs` (closed loop). */
export async function measure(op: Operation, concurrency: number, durationMs: number): Promise<Measurement> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await op(worker);
        latenciesMs.push(performance.now() - t0);
      }
    }),
  );
  return { count: latenciesMs.length, seconds: (performance.now() - started) / 1000, latenciesMs };
}

/**
 * Measures several workloads in many short alternating slices, so that the
 * bursts of load a shared machine throws at one slice hit all of them alike.
 */
export async function measureInterleaved<K extends string>(
  ops: Record<K, Operation>,
  concurrency: number,
  slices: number,
  sliceMs: number,
): Promise<Record<K, Measurement>> {
  const names = Object.keys(ops) as K[];
  const totals = {} as Record<K, Measurement>;
  for (const name of names) totals[name] = { count: 0, seconds: 0, latenciesMs: [] };
  for (let slice = 0; slice < slices; slice++) {
    // Rotate who goes first, so no workload always follows the same one.
    const order = names.map((_, i) => names[(i + slice) % names.length] as K);
    for (const name of order) {
      const m = await measure(ops[name], concurrency, sliceMs);
      totals[name].count += m.count;
      totals[name].seconds += m.seconds;
      totals[name].latenciesMs.push(...m.latenciesMs);
    }
  }
  return totals;
}

export function summary(m: Measurement): { opsPerSecond: number; p50Ms: number; p95Ms: number } {
  const sorted = [...m.latenciesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { opsPerSecond: m.count / m.seconds, p50Ms: at(0.5), p95Ms: at(0.95) };
}
