import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient } from '../../shared/adapters/dynamo/client';
import { ensureTable } from '../../shared/adapters/dynamo/create-table';
import { justAbove, scoreItemKey } from '../../shared/adapters/dynamo/leaderboard-keys';
import { DynamoLeaderboardStore } from '../../shared/adapters/dynamo/leaderboard-store';
import { getItem } from '../../shared/adapters/dynamo/plain-commands';
import { parseScoreItem, rankKeyOf } from '../../shared/adapters/dynamo/score-item';
import { startDynamoDbLocal } from '../../shared/local/dynamodb-local';
import type { BoardRef } from '../../shared/ports/leaderboards';
import { batchWrite } from '../support/batch-write';
import { attachCapacityProbe, type CapacityProbe } from '../support/capacity-probe';
import { documentClient } from '../support/dynamodb';
import { boardItems } from './leaderboard-load';

/**
 * `npm run bench -- leaderboard`: loads 10,000 then 100,000 ranked
 * users into DynamoDB Local (batch writes of the very items the projection
 * writes), then for random users measures the top 10 and my rank: requests,
 * sequential round trips, read units (ConsumedCapacity) and latency, next to
 * the naive rank (count everyone above) in the same run.
 * Goal: <= 3 round trips and <= 20 read units for top-10 + my rank, flat.
 */

const SIZES = [10_000, 100_000];
const SAMPLES = 300;
const WARMUP = 40;
const board: BoardRef = { id: 'xp', bucketWidth: 100 };
const PERIOD = 'all';

interface QueryKind {
  label: string;
  /** sequential steps: parallel requests in one step count once */
  roundTrips: number;
  /** fewer for the naive rank: it reads everyone above, which is the point */
  samples?: number;
  run(userId: string): Promise<unknown>;
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const started = Date.now();
console.log('bench leaderboard: starting DynamoDB Local (in memory)');
const ddb = await startDynamoDbLocal({ inMemory: true, bulk: true });
try {
  const client = createDynamoClient({ endpoint: ddb.endpoint, region: 'us-east-1' });
  const doc = documentClient(ddb.endpoint);
  console.log(
    '\nusers   | query                          | requests | round trips | read units p50 / max | latency p50 / p95 ms',
  );
  for (const users of SIZES) await benchSize(client, doc, users);
  console.log(`\nbench leaderboard: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await ddb.stop();
}

async function benchSize(client: DynamoDBClient, doc: DynamoDBDocumentClient, users: number): Promise<void> {
  const tableName = `questline-bench-lb-${users}`;
  // Nothing reads the stream here, and DynamoDB Local's writes slow down as its stream grows.
  await ensureTable(client, tableName, { stream: false });
  const loadStarted = Date.now();
  const { items, userIds } = boardItems(board, PERIOD, users, 1_000 + users);
  await batchWrite(doc, tableName, items);
  console.log(
    `${'-'.repeat(8)}+ loaded ${users.toLocaleString('en')} users (${items.length.toLocaleString('en')} items) in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`,
  );
  const store = new DynamoLeaderboardStore({ client, tableName });
  const kinds: QueryKind[] = [
    { label: 'top 10', roundTrips: 1, run: () => store.top(board, PERIOD, 10) },
    { label: 'my rank', roundTrips: 2, run: (u) => store.standing(board, PERIOD, u, 0) },
    {
      label: 'top 10 + my rank',
      roundTrips: 3,
      run: async (u) => {
        await store.top(board, PERIOD, 10);
        await store.standing(board, PERIOD, u, 0);
      },
    },
    {
      label: 'my rank + 5 around (the route)',
      roundTrips: 2,
      run: (u) => store.standing(board, PERIOD, u, 5),
    },
    {
      label: 'naive: count everyone above',
      roundTrips: 2,
      samples: 60,
      run: (u) => naiveRank(store, client, tableName, u),
    },
  ];
  const probe = attachCapacityProbe(client);
  try {
    for (const kind of kinds) {
      const pick = () => userIds[Math.floor(Math.random() * userIds.length)] as string;
      for (let i = 0; i < Math.min(WARMUP, (kind.samples ?? SAMPLES) / 10); i++) await kind.run(pick());
      console.log(`${users.toLocaleString('en').padEnd(7)} | ${await measure(kind, probe, pick)}`);
    }
  } finally {
    probe.detach();
  }
}

async function measure(kind: QueryKind, probe: CapacityProbe, pick: () => string): Promise<string> {
  const latencies: number[] = [];
  const units: number[] = [];
  let requests = 0;
  for (let i = 0; i < (kind.samples ?? SAMPLES); i++) {
    probe.reset();
    const t0 = performance.now();
    await kind.run(pick());
    latencies.push(performance.now() - t0);
    const totals = probe.totals();
    units.push(totals.readUnits);
    requests = Math.max(requests, totals.roundTrips);
  }
  const p = (values: number[], q: number) =>
    [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))] ?? 0;
  return [
    kind.label.padEnd(30),
    String(requests).padStart(8),
    String(kind.roundTrips).padStart(11),
    `${p(units, 0.5).toFixed(1)} / ${Math.max(...units).toFixed(1)}`.padStart(20),
    `${p(latencies, 0.5).toFixed(1)} / ${p(latencies, 0.95).toFixed(1)}`.padStart(20),
  ].join(' | ');
}

/** The rank without counters: my score item, then a COUNT of every ranked user above me, in every shard. */
async function naiveRank(
  store: DynamoLeaderboardStore,
  client: DynamoDBClient,
  tableName: string,
  userId: string,
): Promise<number> {
  // on the probed client, as the store's own reads are
  const item = await getItem(client, { TableName: tableName, Key: scoreItemKey(userId, board.id, PERIOD) });
  if (!item) throw new Error(`no score item for ${userId}`);
  return 1 + (await store.countBetween(board, PERIOD, justAbove(rankKeyOf(parseScoreItem(item))), '~'));
}
