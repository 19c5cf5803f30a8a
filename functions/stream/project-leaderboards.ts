import middy from '@middy/core';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { profilesOf } from '../../shared/adapters/dynamo/profile-stream';
import { busPublisher } from '../../shared/bus-wiring';
import { lambdaObservability, logger } from '../../shared/observability';
import { type ProjectorDeps, projectLeaderboards } from '../../shared/streams/leaderboard-projector';
import { activeRules, leaderboardStore, systemClock } from '../../shared/wiring';

let deps: ProjectorDeps | undefined;
function getDeps(): ProjectorDeps {
  deps ??= {
    rules: activeRules(),
    clock: systemClock,
    store: leaderboardStore(),
    publisher: busPublisher(),
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
 * top-10 notifications. A failure fails the batch; Lambda retries it (in
 * halves, down to a failing record), and the projection writes idempotently.
 */
export async function main(event: DynamoDBStreamEvent): Promise<void> {
  const { profiles, changes } = await projectLeaderboards(profilesOf(event.Records), getDeps());
  logger.info('leaderboards projected', {
    records: event.Records.length,
    profiles,
    topChanges: changes.length,
  });
}

export const handler = middy(main).use(lambdaObservability());
