import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import middy from '@middy/core';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod';
import { createDynamoClients } from '../../shared/adapters/dynamo/client';
import { DynamoLeaderboardStore } from '../../shared/adapters/dynamo/leaderboard-store';
import { EventBridgePublisher } from '../../shared/adapters/eventbridge/event-publisher';
import { parseEnv, tableEnvSchema } from '../../shared/env';
import { lambdaObservability, logger } from '../../shared/observability';
import { loadActiveRules } from '../../shared/rules/active-rules';
import { type ProjectorDeps, projectLeaderboards } from '../../shared/streams/leaderboard-projector';

const env = parseEnv(
  tableEnvSchema.extend({
    EVENT_BUS_NAME: z.string().min(1),
    /** only set locally: the local bus */
    EVENTBRIDGE_ENDPOINT: z.url().optional(),
  }),
  process.env,
  'the leaderboard projector',
);

const rules = loadActiveRules();
let deps: ProjectorDeps | undefined;

function getDeps(): ProjectorDeps {
  if (deps) return deps;
  const { doc } = createDynamoClients({ endpoint: env.DYNAMODB_ENDPOINT, region: env.AWS_REGION });
  deps = {
    rules,
    clock: { now: () => new Date() },
    store: new DynamoLeaderboardStore({ doc, tableName: env.TABLE_NAME }),
    publisher: new EventBridgePublisher({
      client: new EventBridgeClient(env.EVENTBRIDGE_ENDPOINT ? { endpoint: env.EVENTBRIDGE_ENDPOINT } : {}),
      busName: env.EVENT_BUS_NAME,
    }),
    publishFailed: (changes, error) =>
      logger.error('leaderboard.changed could not be published; the boards are up to date', {
        changes: changes.length,
        error,
      }),
  };
  return deps;
}

/**
 * The table's stream (profile writes) -> score items, bucket counts and
 * top-10 notifications. A failure fails the whole batch; Lambda retries it
 * with the same records, which the projection writes idempotently.
 */
export async function main(event: DynamoDBStreamEvent): Promise<void> {
  const { profiles, changes } = await projectLeaderboards(event.Records, getDeps());
  logger.info('leaderboards projected', {
    records: event.Records.length,
    profiles,
    topChanges: changes.length,
  });
}

export const handler = middy(main).use(lambdaObservability());
