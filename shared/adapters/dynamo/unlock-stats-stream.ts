import { createHash } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { statKey, type UnlockStats } from '../../domain/achievements/views';
import type { Rules } from '../../rules/schema';
import { unlocksOfEventRecord } from './event-record';
import { isEventKey, isProfileSk, USER_PK_PREFIX } from './keys';

/**
 * What a batch of the table's stream records adds to the unlock statistics:
 * +1 user per profile created (-1 per profile deleted), +1 per achievement
 * unlock (the first time a user earns an achievement, each repeat, each tier)
 * recorded in a new event item. An event item is created once per outcome
 * and never rewritten; a profile update is no new user. (Deleting a user's
 * event items by hand does not take their unlocks back: the stream carries
 * new images only.) An event item that cannot be read is skipped and reported.
 */
export function unlockStatsDelta(
  rules: Rules,
  records: readonly DynamoDBRecord[],
  onUnreadable: (record: DynamoDBRecord, error: unknown) => void = () => undefined,
): UnlockStats {
  const delta: UnlockStats = { users: 0, unlocks: {} };
  for (const record of records) {
    const pk = record.dynamodb?.Keys?.pk?.S;
    const sk = record.dynamodb?.Keys?.sk?.S;
    if (!pk?.startsWith(USER_PK_PREFIX) || sk === undefined) continue;
    if (isProfileSk(sk)) {
      delta.users += record.eventName === 'INSERT' ? 1 : record.eventName === 'REMOVE' ? -1 : 0;
      continue;
    }
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || !isEventKey({ pk, sk }) || !image) continue;
    let unlocks: { id: string; times: number }[];
    try {
      unlocks = unlocksOfEventRecord(unmarshall(image as Record<string, AttributeValue>));
    } catch (error) {
      // One unreadable item must not hold up (and in the end lose) the whole batch: no record
      // can fail alone, so a failing batch is the transaction's failure, retried whole.
      onUnreadable(record, error);
      continue;
    }
    for (const unlock of unlocks) {
      const key = unlockStatKeyOf(rules, unlock.id, unlock.times);
      if (key !== null) delta.unlocks[key] = (delta.unlocks[key] ?? 0) + 1;
    }
  }
  return delta;
}

/** The stat an unlock counts for; null for achievements gone from the rules. */
function unlockStatKeyOf(rules: Rules, achievementId: string, times: number): string | null {
  if (!Object.hasOwn(rules.achievements, achievementId)) return null;
  const definition = rules.achievements[achievementId];
  if (definition?.kind === 'tiered') {
    const tier = definition.tiers[times - 1]?.tier;
    return tier === undefined ? null : statKey(achievementId, { tier });
  }
  return statKey(achievementId, { times });
}

/**
 * The idempotency token of a batch (TransactWriteItems takes 1 to 36
 * characters): a retried batch carries the same records, so the same token.
 */
export function batchIdOf(records: readonly DynamoDBRecord[]): string {
  const hash = createHash('sha256');
  for (const record of records) hash.update(`${record.eventSourceARN ?? ''}|${record.eventID ?? ''}\n`);
  return hash.digest('base64url').slice(0, 32);
}
