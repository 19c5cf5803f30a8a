import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDynamoClients } from '../../shared/adapters/dynamo/client';
import { ensureTable } from '../../shared/adapters/dynamo/create-table';
import { DynamoGameStore } from '../../shared/adapters/dynamo/game-store';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { startDynamoDbLocal } from '../../shared/local/dynamodb-local';
import { attachCapacityProbe } from '../support/capacity-probe';
import { flatRules } from '../support/game-fixtures';
import { itemSizeBytes, transactionWriteUnits } from '../support/item-size';
import { type Measurement, measure, rawMinimum, recordActivityUseCase } from './workloads';

/**
 * `npm run bench`: the apply path against the raw minimum on one DynamoDB
 * Local, in one process and one run (the machine is noisy: only ratios taken
 * side by side mean anything). Goal (DESIGN.md): use case >= 0.8x raw, <= 2
 * round trips and <= 6 write units per common-case activity.
 */

const CONCURRENCIES = [1, 8, 32];
const ROUNDS = 2;
const ROUND_MS = 2_000;
const GOAL_RATIO = 0.8;
const TABLE = 'questline-bench';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const started = Date.now();
console.log('bench: starting DynamoDB Local (in memory)');
const ddb = await startDynamoDbLocal({ inMemory: true });
try {
  const { client, doc } = createDynamoClients({ endpoint: ddb.endpoint, region: 'us-east-1' });
  await ensureTable(client, TABLE);

  // Warm both paths (JIT on both sides of the socket) before measuring.
  await measure(rawMinimum(client, TABLE, 'warm'), 8, 1_500);
  await measure(recordActivityUseCase(doc, TABLE, flatRules, 'warm'), 8, 1_500);

  const rows: { concurrency: number; raw: Measurement; real: Measurement }[] = [];
  for (const concurrency of CONCURRENCIES) {
    const raw: Measurement[] = [];
    const real: Measurement[] = [];
    // Alternate the two so drift on a shared machine hits both alike.
    for (let round = 0; round < ROUNDS; round++) {
      const run = `c${concurrency}r${round}`;
      raw.push(await measure(rawMinimum(client, TABLE, run), concurrency, ROUND_MS));
      real.push(await measure(recordActivityUseCase(doc, TABLE, flatRules, run), concurrency, ROUND_MS));
    }
    rows.push({ concurrency, raw: combine(raw), real: combine(real) });
  }

  console.log('\nthroughput, activities/s (p50 / p95 latency, ms)');
  console.log('concurrency | raw minimum              | record-activity          | ratio');
  for (const { concurrency, raw, real } of rows) {
    const ratio = real.opsPerSecond / raw.opsPerSecond;
    console.log(
      `${String(concurrency).padStart(11)} | ${fmt(raw)} | ${fmt(real)} | ${ratio.toFixed(2)} ${ratio >= GOAL_RATIO ? 'ok' : `below ${GOAL_RATIO}`}`,
    );
  }

  await reportOneActivity(client, doc);
  console.log(`\nbench: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await ddb.stop();
}

/** Round trips and write units of ONE applied common-case activity (profile exists, no marker). */
async function reportOneActivity(
  client: ReturnType<typeof createDynamoClients>['client'],
  doc: ReturnType<typeof createDynamoClients>['doc'],
) {
  const store = new DynamoGameStore({ doc, tableName: TABLE });
  const record = makeRecordActivity({ store, rules: flatRules, clock: { now: () => new Date() } });
  const userId = 'bench-one';
  const activity = (eventId: string) => ({
    eventId,
    userId,
    type: 'quiz_completed',
    occurredAt: new Date().toISOString(),
  });
  await record(activity('bench-one-first'));
  const probe = attachCapacityProbe(client);
  await record(activity('bench-one-second'));
  probe.detach();
  const { Items = [] } = await doc.send(
    new ScanCommand({
      TableName: TABLE,
      FilterExpression: 'pk = :pk AND (sk = :profile OR contains(sk, :event))',
      ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':profile': 'PROFILE', ':event': 'bench-one-second' },
    }),
  );
  const totals = probe.totals();
  console.log('\none applied activity (existing profile, no marker)');
  console.log(`  round trips: ${totals.roundTrips} (${probe.requests.map((r) => r.command).join(', ')})`);
  console.log(`  write units reported by DynamoDB Local: ${totals.writeUnits}`);
  console.log(
    `  write units by item size: ${transactionWriteUnits(Items)} (${Items.map((i) => `${String(i.sk).split('#')[0]} ${itemSizeBytes(i)} B`).join(', ')})`,
  );
}

function combine(ms: Measurement[]): Measurement {
  const count = ms.reduce((n, m) => n + m.count, 0);
  const mean = (pick: (m: Measurement) => number) => ms.reduce((sum, m) => sum + pick(m) * m.count, 0) / count;
  return {
    count,
    opsPerSecond: ms.reduce((sum, m) => sum + m.opsPerSecond, 0) / ms.length,
    p50Ms: mean((m) => m.p50Ms),
    p95Ms: mean((m) => m.p95Ms),
  };
}

function fmt(m: Measurement): string {
  return `${m.opsPerSecond.toFixed(0).padStart(6)} (${m.p50Ms.toFixed(1)} / ${m.p95Ms.toFixed(1)})`.padEnd(24);
}
