import { BatchGetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ItemKey } from './keys';
import { fromWire, toWire, type WireItem } from './wire';

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
  client: DynamoDBClient,
  tableName: string,
  keys: readonly ItemKey[],
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < keys.length; i += MAX_KEYS) {
    let pending: WireItem[] = keys.slice(i, i + MAX_KEYS).map((key) => toWire({ ...key }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
      const { Responses, UnprocessedKeys } = await client.send(
        new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const wire of Responses?.[tableName] ?? []) {
        const item = fromWire(wire);
        found.set(itemKeyId({ pk: String(item.pk), sk: String(item.sk) }), item);
      }
      pending = UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return found;
}
