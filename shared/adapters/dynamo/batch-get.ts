import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ItemKey } from './keys';

/** BatchGetItem takes at most 100 keys a call. */
const MAX_KEYS = 100;
const ATTEMPTS = 6;

/** An item's identity in a result map: its partition and sort key. */
export const itemKeyId = (key: ItemKey): string => `${key.pk}\n${key.sk}`;

/**
 * Consistent BatchGetItem of any number of keys, 100 a call, retrying with
 * backoff only the keys DynamoDB left unprocessed. The items found, by
 * itemKeyId; a key without an item is simply absent.
 */
export async function batchGetConsistent(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly ItemKey[],
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < keys.length; i += MAX_KEYS) {
    let pending: Record<string, unknown>[] = keys.slice(i, i + MAX_KEYS).map((key) => ({ ...key }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
      const { Responses, UnprocessedKeys } = await doc.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of Responses?.[tableName] ?? []) found.set(itemKeyId(item as ItemKey), item);
      pending = UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return found;
}
