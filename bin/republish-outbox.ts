import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createDynamoClient } from '../shared/adapters/dynamo/client';
import { DynamoStoredOutcomes } from '../shared/adapters/dynamo/stored-outcomes';
import { EventBridgePublisher } from '../shared/adapters/eventbridge/event-publisher';
import { LOCAL_REGION } from '../shared/local/handler-env';
import { LocalServiceNotRunning, runningLocalService } from '../shared/local/running-service';
import type { OutcomeRef } from '../shared/ports/events';
import { type RepublishSelection, republishOutbox } from '../shared/streams/republish-outbox';

/**
 * `npm run outbox:republish`: publishes the events of stored outcomes again
 * (runbook: "Stream batches given up"). Exit 0 when everything named was
 * found and published, 1 when something was missing or failed, 2 on usage.
 */

const USAGE = `Usage: npm run outbox:republish -- (--event <user>/<event id> ... | --since <instant> [--until <instant>])
                                  [--table <name> --bus <name>] [--dry-run]

  --event <user>/<id>  an outcome by its user and event id (repeat for more)
  --since, --until     every outcome recorded in that range (ISO 8601; until defaults to now)
  --table, --bus       a deployed table and bus (AWS credentials and AWS_REGION as for the CLI);
                       without them: the running \`npm start\` (.questline/local.json)
  --dry-run            list what would be published, publish nothing`;

class UsageError extends Error {}

const REF = /^([A-Za-z0-9_.:-]{1,128})\/([A-Za-z0-9_.:=-]{1,128})$/;

function instant(name: string, value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new UsageError(`--${name} ${value} is not an ISO 8601 instant`);
  return new Date(ms).toISOString();
}

export function parseRepublishArgs(argv: string[], now = new Date()) {
  let values: {
    event?: string[];
    since?: string;
    until?: string;
    table?: string;
    bus?: string;
    'dry-run'?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        event: { type: 'string', multiple: true },
        since: { type: 'string' },
        until: { type: 'string' },
        table: { type: 'string' },
        bus: { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const events = values.event ?? [];
  if (events.length > 0 === (values.since !== undefined))
    throw new UsageError('give --event(s) or --since, not both');
  if ((values.table === undefined) !== (values.bus === undefined))
    throw new UsageError('give --table and --bus together');
  let selection: RepublishSelection;
  if (events.length > 0) {
    const refs: OutcomeRef[] = events.map((ref) => {
      const match = REF.exec(ref);
      if (!match?.[1] || !match[2]) throw new UsageError(`--event ${ref} is not <user id>/<event id>`);
      return { userId: match[1], eventId: match[2] };
    });
    selection = { refs };
  } else {
    const since = instant('since', values.since ?? '');
    const until = values.until === undefined ? now.toISOString() : instant('until', values.until);
    if (until < since) throw new UsageError('--until is before --since');
    selection = { since, until };
  }
  const target = values.table && values.bus ? { table: values.table, bus: values.bus } : undefined;
  return { selection, target, dryRun: values['dry-run'] ?? false };
}

/** Where to read and publish: the given table and bus on AWS, or the running local runtime. */
async function connect(target: { table: string; bus: string } | undefined) {
  if (target) {
    return {
      client: createDynamoClient({}),
      tableName: target.table,
      events: new EventBridgeClient({}),
      busName: target.bus,
    };
  }
  const repoRoot = fileURLToPath(new URL('..', import.meta.url));
  const info = await runningLocalService(repoRoot, 'give --table and --bus').catch((error: unknown) => {
    throw error instanceof LocalServiceNotRunning ? new UsageError(error.message) : error;
  });
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const client = createDynamoClient({ endpoint: info.dynamodb_endpoint, region: LOCAL_REGION });
  const events = new EventBridgeClient({ endpoint: info.events_url, region: LOCAL_REGION, credentials });
  return { client, tableName: info.table_name, events, busName: info.event_bus_name };
}

async function main(argv: string[]): Promise<number> {
  const { selection, target, dryRun } = parseRepublishArgs(argv);
  const { client, tableName, events, busName } = await connect(target);
  let published = 0;
  const result = await republishOutbox(
    {
      outcomes: new DynamoStoredOutcomes({ client, tableName }),
      publisher: new EventBridgePublisher({ client: events, busName }),
      log: {
        published: (count) => {
          published += count;
        },
        rejected: (record) =>
          console.error(
            `${record.key}: ${record.rejected.length} event(s) break their contract, not published`,
          ),
        failed: (record, error) => console.error(`${record.key}: publishing failed: ${String(error)}`),
      },
    },
    selection,
    { dryRun },
  );
  for (const record of result.records) console.log(`${dryRun ? 'would publish' : 'found'} ${record.key}`);
  for (const ref of result.missing) console.error(`not found: ${ref.userId}/${ref.eventId}`);
  console.log(
    dryRun
      ? `${result.records.length} outcome(s) found; nothing published (--dry-run)`
      : `${result.records.length} outcome(s) found; ${published} event(s) published to ${busName}`,
  );
  return result.failed || result.missing.length > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`${error.message}\n\n${USAGE}`);
        process.exitCode = 2;
      } else {
        console.error(error);
        process.exitCode = 1;
      }
    },
  );
}
