import middy from '@middy/core';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { batchIdOf, unlockStatsDelta } from '../../shared/adapters/dynamo/unlock-stats-stream';
import { lambdaObservability, logger } from '../../shared/observability';
import { activeRules, unlockStatsStore } from '../../shared/wiring';

/**
 * The table's stream -> the unlock statistics behind GET /v1/achievements'
 * rarity %. One idempotent transaction per batch: Lambda retries a failed
 * batch with the same records, hence the same token, so a batch whose
 * transaction committed before a timeout is not counted twice. (Bisecting a
 * failed batch would change its records and its token, so the event source
 * does not bisect: its `retry` in shared/streams/table-stream-consumers.ts.
 * Nor need it: no record can fail alone, an unreadable one is skipped and
 * logged, so a batch fails only as its one transaction fails.)
 */
export async function main(event: DynamoDBStreamEvent): Promise<void> {
  const delta = unlockStatsDelta(activeRules(), event.Records, (record, error) =>
    logger.error('an event item could not be read; its unlocks are not counted', {
      key: record.dynamodb?.Keys,
      error,
    }),
  );
  const changed = delta.users !== 0 || Object.keys(delta.unlocks).length > 0;
  if (!changed) return;
  await unlockStatsStore().addUnlockStats(delta, batchIdOf(event.Records));
  logger.info('unlock statistics counted', {
    records: event.Records.length,
    users: delta.users,
    unlocks: delta.unlocks,
  });
}

export const handler = middy(main).use(lambdaObservability());
