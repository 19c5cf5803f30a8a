import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient } from '../../shared/adapters/dynamo/client';
import { ensureTable } from '../../shared/adapters/dynamo/create-table';
import { DynamoGameStore } from '../../shared/adapters/dynamo/game-store';
import { eventKey, onceMarkerKey, profileKey } from '../../shared/adapters/dynamo/keys';
import { ledgerIndex } from '../../shared/adapters/dynamo/table-definition';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { startDynamoDbLocal } from '../../shared/local/dynamodb-local';
import { attachCapacityProbe } from '../support/capacity-probe';
import { recentDaytimeIso } from '../support/daytime';
import { documentClient } from '../support/dynamodb';
import { flatRules } from '../support/game-fixtures';
import { itemSizeBytes, localIndexEntryBytes, transactionWriteUnits } from '../support/item-size';
import { reportPurchases } from './purchase-cost';
import { measureInterleaved, rawMinimum, rawSameShape, recordActivityUseCase, summary } from './workloads';

/**
 * `npm run bench` (or `npm run bench -- apply`): the apply path against the raw minimum on one DynamoDB
 * Local, in one process and one run (the machine is noisy: only ratios taken
 * side by side mean anything). Goal: use case >= 0.85x raw (DESIGN.md says 0.8x), <= 2
 * round trips and <= 6 write units per common-case activity.
 */

const CONCURRENCIES = [1, 8, 32];
const SLICES = 8;
const SLICE_MS = 400;
const GOAL_RATIO = 0.85;
const TABLE = 'questline-bench';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const started = Date.now();
console.log('bench: starting DynamoDB Local (in memory)');
const ddb = await startDynamoDbLocal({ inMemory: true });
try {
  const client = createDynamoClient({ endpoint: ddb.endpoint, region: 'us-east-1' });
  const doc = documentClient(ddb.endpoint);
  // DESIGN.md's raw minimum is a bare SDK loop: the SDK's defaults, middleware resolved at every send.
  const bare = createDynamoClient({ endpoint: ddb.endpoint, region: 'us-east-1', cacheMiddleware: false });
  await ensureTable(client, TABLE);
  const workloads = (run: string) => ({
    raw: rawMinimum(bare, TABLE, run),
    rawCached: rawMinimum(client, TABLE, run),
    shape: rawSameShape(client, TABLE, run),
    useCase: recordActivityUseCase({ client, tableName: TABLE }, flatRules, run),
  });

  // Warm every path (JIT on both sides of the socket) before measuring.
  await measureInterleaved(workloads('warm'), 8, 2, 500);

  console.log(
    `\nthroughput, activities/s (p50 / p95 ms), ${SLICES} alternating slices of ${SLICE_MS} ms per workload`,
  );
  console.log(
    'concurrency | raw minimum (bare SDK) | raw, our client        | raw, our shape         | record-activity        | ratio to raw | to our client | to shape',
  );
  let worst = Number.POSITIVE_INFINITY;
  for (const concurrency of CONCURRENCIES) {
    const m = await measureInterleaved(workloads(`c${concurrency}`), concurrency, SLICES, SLICE_MS);
    const [raw, rawCached, shape, useCase] = [m.raw, m.rawCached, m.shape, m.useCase].map(summary) as [
      Summary,
      Summary,
      Summary,
      Summary,
    ];
    const ratio = useCase.opsPerSecond / raw.opsPerSecond;
    const to = (other: Summary, width: number) =>
      (useCase.opsPerSecond / other.opsPerSecond).toFixed(2).padStart(width);
    worst = Math.min(worst, ratio);
    console.log(
      `${String(concurrency).padStart(11)} | ${fmt(raw)} | ${fmt(rawCached)} | ${fmt(shape)} | ${fmt(useCase)} | ${ratio.toFixed(2).padStart(12)} | ${to(rawCached, 13)} | ${to(shape, 8)}`,
    );
  }
  console.log(
    `goal: record-activity >= ${GOAL_RATIO}x the raw minimum at every concurrency: ${worst >= GOAL_RATIO ? 'met' : `not met (worst ${worst.toFixed(2)})`}`,
  );

  await reportOneActivity(client, doc);
  await reportPurchases(client, doc, TABLE);
  console.log(`\nbench: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await ddb.stop();
}

/**
 * Round trips and write units of one applied activity of each kind that
 * matters for cost: (a) a second activity on a day (streaks maintained: the
 * common case), (b) the first activity of a day (streak.updated events),
 * (c) one that unlocks an achievement (and here writes a once-per-subject
 * marker too). Goal: at most 8 write units for (c), counting the
 * ledger index entry at the transactional rate.
 */
async function reportOneActivity(client: DynamoDBClient, doc: DynamoDBDocumentClient) {
  const store = new DynamoGameStore({ client, tableName: TABLE });
  const record = makeRecordActivity({ store, rules: flatRules, clock: { now: () => new Date() } });
  const userId = 'bench-one';
  /** the upper figure of the last report: the ledger index entry billed at the transactional rate */
  let lastUnits = Number.NaN;
  const activity = (eventId: string, type = 'quiz_completed', subjectId?: string) => ({
    eventId,
    userId,
    type,
    occurredAt: recentDaytimeIso(),
    ...(subjectId !== undefined && { subjectId }),
  });
  await report('(b) first activity of a day (new user, streaks started)', activity('bench-one-first'));
  await report('(a) second activity on the day (streaks maintained)', activity('bench-one-second'));
  await report(
    '(c) first lesson: unlocks an achievement (+ once-per-subject marker)',
    activity('bench-one-lesson', 'lesson_complete', 'lesson-1'),
  );
  const unlocking = lastUnits;
  console.log(
    `  goal: an unlocking activity's write units <= 8: ${unlocking <= 8 ? 'met' : 'NOT met'} (${unlocking})`,
  );

  async function report(label: string, input: ReturnType<typeof activity>) {
    const probe = attachCapacityProbe(client);
    const { outcome } = await record(input);
    probe.detach();
    const keys = [
      profileKey(userId),
      eventKey(userId, outcome.eventId),
      ...outcome.markers.map((m) => onceMarkerKey(userId, m.activityType, m.subjectId)),
    ];
    const { Responses } = await doc.send(new BatchGetCommand({ RequestItems: { [TABLE]: { Keys: keys } } }));
    const items = Responses?.[TABLE] ?? [];
    const totals = probe.totals();
    const tableUnits = transactionWriteUnits(items);
    const indexBytes = items.map((item) => localIndexEntryBytes(item, ledgerIndex)).filter((b) => b > 0);
    const indexUnits = indexBytes.reduce((units, bytes) => units + Math.ceil(bytes / 1024), 0);
    lastUnits = tableUnits + 2 * indexUnits;
    console.log(`\n${label}`);
    console.log(`  round trips: ${totals.roundTrips} (${probe.requests.map((r) => r.command).join(', ')})`);
    console.log(
      `  write units by item size: ${tableUnits + indexUnits} to ${tableUnits + 2 * indexUnits}: items ${tableUnits} ` +
        `(${items.map((i) => `${String(i.sk).split('#')[0]} ${itemSizeBytes(i)} B`).join(', ')}, 2 per started KB in a transaction) ` +
        `+ ledger index entry ${indexUnits} (${indexBytes.join(', ')} B with the 100 B overhead; ${2 * indexUnits} if billed at the transactional rate)`,
    );
    console.log(
      `  write units reported by DynamoDB Local: ${totals.writeUnits} (ledger index ${totals.indexWriteUnits}; its transaction figures are not item by item)`,
    );
  }
}

type Summary = ReturnType<typeof summary>;

function fmt(m: Summary): string {
  return `${m.opsPerSecond.toFixed(0).padStart(5)} (${m.p50Ms.toFixed(1)} / ${m.p95Ms.toFixed(1)})`.padEnd(
    22,
  );
}
