import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ConnectionRecord, ConnectionStore } from '../../ports/realtime';
import {
  connectionIdOf,
  connectionOwnerKey,
  userConnectionKey,
  userConnectionPrefix,
  userConnectionsPk,
} from './connection-keys';
import { getItem, type PlainPage, queryPage, transactWrite } from './plain-commands';

/**
 * API Gateway closes every WebSocket connection after 2 h; five more minutes
 * cover the clock difference between it and us, so an item never expires
 * while its connection may still be open.
 */
export const CONNECTION_TTL_SECONDS = 2 * 60 * 60 + 5 * 60;

/**
 * The ConnectionStore on the single table. Each connection is two items,
 * written and deleted together: `USER#<user>` / `CONN#<id>` (listing a
 * user's connections is one Query in their partition) and `CONN#<id>` /
 * `CONN` holding the user (what $disconnect, which knows only the id, needs
 * to find the first). Both carry `expires_at`: a connection whose
 * $disconnect never ran is deleted by TTL, and skipped before that.
 */
export class DynamoConnectionStore implements ConnectionStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly clock: () => Date;

  constructor(opts: { client: DynamoDBClient; tableName: string; clock?: () => Date }) {
    this.client = opts.client;
    this.tableName = opts.tableName;
    this.clock = opts.clock ?? (() => new Date());
  }

  async save({ connectionId, userId, connectedAt }: ConnectionRecord): Promise<void> {
    const expiresAt = Math.floor(connectedAt.getTime() / 1000) + CONNECTION_TTL_SECONDS;
    const connected = connectedAt.toISOString();
    await transactWrite(this.client, [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...userConnectionKey(userId, connectionId),
            connected_at: connected,
            expires_at: expiresAt,
          },
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...connectionOwnerKey(connectionId),
            user_id: userId,
            connected_at: connected,
            expires_at: expiresAt,
          },
        },
      },
    ]);
  }

  async remove(connectionId: string): Promise<void> {
    const owner = await getItem(this.client, {
      TableName: this.tableName,
      Key: connectionOwnerKey(connectionId),
      ConsistentRead: true,
    });
    const userId = owner?.user_id;
    // Never stored, removed already, or expired and deleted by TTL with its partner.
    if (typeof userId !== 'string') return;
    // Unconditional deletes: a concurrent remove of the same connection
    // (a $disconnect racing a 'gone' post) deletes nothing more, and fails nothing.
    await transactWrite(this.client, [
      { Delete: { TableName: this.tableName, Key: userConnectionKey(userId, connectionId) } },
      { Delete: { TableName: this.tableName, Key: connectionOwnerKey(connectionId) } },
    ]);
  }

  async listForUser(userId: string): Promise<string[]> {
    const nowSeconds = Math.floor(this.clock().getTime() / 1000);
    const found: { id: string; connectedAt: string }[] = [];
    let startKey: PlainPage['LastEvaluatedKey'];
    do {
      const page: PlainPage = await queryPage(this.client, {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        // TTL deletes expired items up to days late: those must not be posted to.
        FilterExpression: 'expires_at > :now',
        ProjectionExpression: 'sk, connected_at',
        ExpressionAttributeValues: {
          ':pk': userConnectionsPk(userId),
          ':prefix': userConnectionPrefix,
          ':now': nowSeconds,
        },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      });
      for (const item of page.Items) {
        found.push({ id: connectionIdOf(String(item.sk)), connectedAt: String(item.connected_at) });
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    // ISO instants to the millisecond sort as text (expires_at is only to the second)
    return found.sort((a, b) => a.connectedAt.localeCompare(b.connectedAt)).map((c) => c.id);
  }
}
