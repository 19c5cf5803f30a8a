import { Writable } from 'node:stream';
import { createDynamoClient } from '../../shared/adapters/dynamo/client';
import { ensureTable } from '../../shared/adapters/dynamo/create-table';
import { startDynamoDbLocal } from '../../shared/local/dynamodb-local';
import { httpEvent, lambdaContext } from '../api/support/events';
import { recentDaytimeIso } from '../support/daytime';
import { type Operation, rawMinimum, recordActivityUseCase } from './workloads';

/**
 * `npm run bench -- handler`: the Lambda-relevant CPU of an activity, without
 * the local gateway, the stream consumers or the load generator: this
 * process's CPU time (user + system) per call, one call at a time against an
 * in-memory DynamoDB Local, for three things side by side:
 *
 * - raw minimum: GetItem + a 2-item TransactWriteItems on a bare SDK client
 *   (middleware resolved at every send, the SDK's default), and the same on
 *   our client (middleware resolved once: client.ts);
 * - use case: makeRecordActivity on the DocumentClient (what the store does);
 * - handler: the real POST /v1/internal/activities handler with its middy
 *   stack (IAM check, JSON body, zod, use case, presenter, request log line,
 *   outcome metric), as Lambda invokes it.
 *
 * Log lines and EMF go to a sink, not the terminal: they are produced (that
 * CPU counts) but not printed.
 */

const CALLS = Number(process.env.BENCH_HANDLER_CALLS ?? 2000);
const TABLE = 'questline-bench-handler';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const ddb = await startDynamoDbLocal({ inMemory: true });
try {
  Object.assign(process.env, {
    TABLE_NAME: TABLE,
    DYNAMODB_ENDPOINT: ddb.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    POWERTOOLS_SERVICE_NAME: 'questline',
  });
  const client = createDynamoClient({ endpoint: ddb.endpoint, region: 'us-east-1' });
  const bare = createDynamoClient({ endpoint: ddb.endpoint, region: 'us-east-1', cacheMiddleware: false });
  await ensureTable(client, TABLE);
  const { handler } = await import('../../functions/http/internal/record-activity');
  const { loadActiveRules } = await import('../../shared/rules/active-rules');

  let n = 0;
  const viaHandler: Operation = async () => {
    n += 1;
    const event = httpEvent({
      method: 'POST',
      route: '/v1/internal/activities',
      auth: { kind: 'iam' },
      body: {
        event_id: `handler-${n}`,
        // many users, so no one reaches the custom activity's daily cap however many calls are made
        user_id: `handler-user-${n % 5000}`,
        // the same activity as the use case's workload, so the two differ by the handler's layers only
        activity_type: 'flashcard_session',
        occurred_at: recentDaytimeIso(),
      },
    });
    const result = (await handler(event, lambdaContext('RecordActivity'))) as { statusCode: number };
    if (result.statusCode !== 201) throw new Error(`the handler answered ${result.statusCode}`);
  };
  const ops: Record<string, Operation> = {
    'raw minimum': rawMinimum(bare, TABLE, 'cpu'),
    'raw, our client': rawMinimum(client, TABLE, 'cpu-ours'),
    'use case': recordActivityUseCase({ client, tableName: TABLE }, loadActiveRules(), 'cpu'),
    handler: viaHandler,
  };

  const cpuPerCall = async (op: Operation, calls: number) => {
    const before = process.cpuUsage();
    const started = performance.now();
    // 5,000 users in turn: nobody reaches a daily cap of the default rules, whatever CALLS is
    for (let i = 0; i < calls; i++) await op(i % 5000);
    const used = process.cpuUsage(before);
    return { cpuUs: (used.user + used.system) / calls, wallMs: (performance.now() - started) / calls };
  };

  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const silenced = async <T>(work: () => Promise<T>): Promise<T> => {
    process.stdout.write = sink.write.bind(sink) as typeof process.stdout.write;
    try {
      return await work();
    } finally {
      process.stdout.write = stdoutWrite;
    }
  };

  // warm every path first (JIT), then measure each in turn, twice, keeping the better
  for (const op of Object.values(ops)) await silenced(() => cpuPerCall(op, 300));
  console.log(
    `CPU of this process per call, ${CALLS} calls one at a time (DynamoDB Local's own CPU excluded)`,
  );
  const results: Record<string, { cpuUs: number; wallMs: number }> = {};
  for (const [name, op] of Object.entries(ops)) {
    const [a, b] = [await silenced(() => cpuPerCall(op, CALLS)), await silenced(() => cpuPerCall(op, CALLS))];
    results[name] = a.cpuUs <= b.cpuUs ? a : b;
  }
  const raw = results['raw minimum']?.cpuUs ?? Number.NaN;
  for (const [name, { cpuUs, wallMs }] of Object.entries(results)) {
    console.log(
      `  ${name.padEnd(16)} ${cpuUs.toFixed(0).padStart(6)} us CPU  (${(cpuUs / raw).toFixed(2)}x raw)  ${wallMs.toFixed(2)} ms wall`,
    );
  }
} finally {
  await ddb.stop();
}
