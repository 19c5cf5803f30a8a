import { createHash } from 'node:crypto';
import type { DynamoDBRecord } from 'aws-lambda';
import { statKey, type UnlockStats } from '../../domain/achievements/views';
import type { Rules } from '../../rules/schema';
import { parseUnlockMarkerSk, USER_PK_PREFIX } from './keys';

/**
 * What a batch of the table's stream records adds to the unlock statistics:
 * +1 user per profile created, +1 per unlock marker created (the first time
 * a user earns an achievement, or reaches a tier); a deleted item takes its
 * count back. Only creations and deletions count: neither kind of item is
 * ever rewritten, and a profile update is no new user.
 */
export function unlockStatsDelta(rules: Rules, records: readonly DynamoDBRecord[]): UnlockStats {
  const delta: UnlockStats = { users: 0, unlocks: {} };
  for (const record of records) {
    const sign = record.eventName === 'INSERT' ? 1 : record.eventName === 'REMOVE' ? -1 : 0;
    const pk = record.dynamodb?.Keys?.pk?.S;
    const sk = record.dynamodb?.Keys?.sk?.S;
    if (sign === 0 || !pk?.startsWith(USER_PK_PREFIX) || sk === undefined) continue;
    if (sk === 'PROFILE') {
      delta.users += sign;
      continue;
    }
    const key = unlockStatKeyOf(rules, sk);
    if (key !== null) delta.unlocks[key] = (delta.unlocks[key] ?? 0) + sign;
  }
  return delta;
}

/** The stat an unlock marker counts for; null for other items, repeats, and achievements gone from the rules. */
function unlockStatKeyOf(rules: Rules, sk: string): string | null {
  const marker = parseUnlockMarkerSk(sk);
  if (!marker || !Object.hasOwn(rules.achievements, marker.achievementId)) return null;
  const definition = rules.achievements[marker.achievementId];
  if (definition?.kind === 'tiered') {
    const tier = definition.tiers[marker.times - 1]?.tier;
    return tier === undefined ? null : statKey(marker.achievementId, { tier });
  }
  return statKey(marker.achievementId, { times: marker.times });
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
