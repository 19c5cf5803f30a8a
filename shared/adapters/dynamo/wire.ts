import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  type GetItemCommandInput,
  QueryCommand,
  type QueryCommandInput,
  type TransactWriteItem,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';

/**
 * Plain items to DynamoDB's wire format and back, for the calls made on the
 * low-level client (client.ts says why the activity path uses it). The
 * adapters build their items and transaction parts as plain values, the
 * DocumentClient's shape, and translate them here on the way out.
 */

type Item = Record<string, unknown>;
export type WireItem = Record<string, AttributeValue>;
/** One part of a transaction in plain values (lib-dynamodb's shape). */
export type PlainTransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

// Optional domain fields (subjectId, activityType) are undefined, not absent.
const MARSHALL_OPTIONS = { removeUndefinedValues: true } as const;

export const toWire = (item: object): WireItem => marshall(item as Item, MARSHALL_OPTIONS);

export const fromWire = (item: WireItem): Item => unmarshall(item);

/** The attributes of one part that carry values: its item, its key, its expression's values. */
interface PlainPart {
  Item?: object;
  Key?: object;
  ExpressionAttributeValues?: object;
}

function partToWire<P extends PlainPart>(part: P) {
  const { Item, Key, ExpressionAttributeValues, ...rest } = part;
  return {
    ...rest,
    ...(Item && { Item: toWire(Item) }),
    ...(Key && { Key: toWire(Key) }),
    ...(ExpressionAttributeValues && { ExpressionAttributeValues: toWire(ExpressionAttributeValues) }),
  };
}

/** A transaction part, translated; exactly one of Put, Update, Delete and ConditionCheck is set. */
export function transactItemToWire(item: PlainTransactItem): TransactWriteItem {
  const { Put, Update, Delete, ConditionCheck } = item;
  if (Put) return { Put: partToWire(Put) } as TransactWriteItem;
  if (Update) return { Update: partToWire(Update) } as TransactWriteItem;
  if (Delete) return { Delete: partToWire(Delete) } as TransactWriteItem;
  if (ConditionCheck) return { ConditionCheck: partToWire(ConditionCheck) } as TransactWriteItem;
  throw new Error('a transaction part needs one of Put, Update, Delete or ConditionCheck');
}

/** A Query with plain values in (its expression's values, the start key) and out (items, last key). */
export type PlainQuery = Omit<QueryCommandInput, 'ExpressionAttributeValues' | 'ExclusiveStartKey'> & {
  ExpressionAttributeValues?: Item;
  ExclusiveStartKey?: Item;
};

export interface PlainQueryPage {
  Items: Item[];
  LastEvaluatedKey?: Item;
  Count?: number;
}

/** One page of a Query on the low-level client, in plain values (what the DocumentClient's QueryCommand answers). */
export async function queryPage(client: DynamoDBClient, input: PlainQuery): Promise<PlainQueryPage> {
  const { ExpressionAttributeValues, ExclusiveStartKey, ...rest } = input;
  const page = await client.send(
    new QueryCommand({
      ...rest,
      ...(ExpressionAttributeValues && { ExpressionAttributeValues: toWire(ExpressionAttributeValues) }),
      ...(ExclusiveStartKey && { ExclusiveStartKey: toWire(ExclusiveStartKey) }),
    }),
  );
  return {
    Items: (page.Items ?? []).map(fromWire),
    ...(page.LastEvaluatedKey && { LastEvaluatedKey: fromWire(page.LastEvaluatedKey) }),
    ...(page.Count !== undefined && { Count: page.Count }),
  };
}

/** One item by its key, in plain values; undefined when there is none. */
export async function getItem(
  client: DynamoDBClient,
  input: Omit<GetItemCommandInput, 'Key'> & { Key: object },
): Promise<Item | undefined> {
  const { Item } = await client.send(new GetItemCommand({ ...input, Key: toWire(input.Key) }));
  return Item && fromWire(Item);
}

/** A transaction of plain parts on the low-level client; a token makes its retries idempotent. */
export async function transactWrite(
  client: DynamoDBClient,
  items: readonly PlainTransactItem[],
  opts: { clientRequestToken?: string } = {},
): Promise<void> {
  await client.send(
    new TransactWriteItemsCommand({
      TransactItems: items.map(transactItemToWire),
      ...(opts.clientRequestToken !== undefined && { ClientRequestToken: opts.clientRequestToken }),
    }),
  );
}
