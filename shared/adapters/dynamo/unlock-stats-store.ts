import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { UnlockStats } from '../../domain/achievements/views';
import type { UnlockStatsStore } from '../../ports/game';
import { STATS_PK, statKeyOf, USERS_STAT_SK, unlockedStatKey } from './keys';
import { queryPage, transactWrite } from './plain-commands';
import type { PlainTransactItem as TransactItem } from './wire';

/** TransactWriteItems takes at most 100 items. */
const MAX_ITEMS = 100;

/**
 * The counts live in one small partition (STATS#ACHIEVEMENTS: one item for
 * the users, one per achievement or tier, a number each). Only the stream
 * consumer writes them, once per batch, so the partition is never hot; a
 * read is one Query of about 50 items (well under 4 KB: 1 read unit).
 */
export class DynamoUnlockStatsStore implements UnlockStatsStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(opts: { client: DynamoDBClient; tableName: string }) {
    this.client = opts.client;
    this.tableName = opts.tableName;
  }

  async readUnlockStats(): Promise<UnlockStats> {
    const stats: UnlockStats = { users: 0, unlocks: {} };
    let start: Record<string, unknown> | undefined;
    do {
      const page = await queryPage(this.client, {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': STATS_PK },
        ExclusiveStartKey: start,
      });
      for (const item of page.Items) {
        const total = typeof item.total === 'number' ? Math.max(0, item.total) : 0;
        const statKey = statKeyOf(String(item.sk));
        if (item.sk === USERS_STAT_SK) stats.users = total;
        else if (statKey !== null) stats.unlocks[statKey] = total;
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return stats;
  }

  async addUnlockStats(delta: UnlockStats, batchId: string): Promise<void> {
    const adds: [string, number][] = [[USERS_STAT_SK, delta.users]];
    for (const [key, n] of Object.entries(delta.unlocks)) adds.push([unlockedStatKey(key).sk, n]);
    const items = adds.filter(([, n]) => n !== 0).map(([sk, n]) => this.add(sk, n));
    // One transaction per 100 counters, each with its own idempotency token.
    for (let chunk = 0; chunk * MAX_ITEMS < items.length; chunk++) {
      await transactWrite(this.client, items.slice(chunk * MAX_ITEMS, (chunk + 1) * MAX_ITEMS), {
        clientRequestToken: `${batchId}-${chunk}`,
      });
    }
  }

  private add(sk: string, n: number): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: { pk: STATS_PK, sk },
        UpdateExpression: 'ADD #total :n',
        ExpressionAttributeNames: { '#total': 'total' },
        ExpressionAttributeValues: { ':n': n },
      },
    };
  }
}
