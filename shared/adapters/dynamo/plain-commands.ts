import {
  DeleteItemCommand,
  type DeleteItemCommandInput,
  type DynamoDBClient,
  GetItemCommand,
  type GetItemCommandInput,
  PutItemCommand,
  type PutItemCommandInput,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  type ScanCommandInput,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import {
  fromWire,
  type Plain,
  type PlainTransactItem,
  partToWire,
  toWire,
  transactItemToWire,
  type WireItem,
} from './wire';

/**
 * The commands the adapters send, in plain values, on the low-level client
 * whose middleware is resolved once (client.ts says why lib-dynamodb's
 * DocumentClient is not used): the same inputs and answers as the
 * DocumentClient's, translated by wire.ts.
 */

type Item = Record<string, unknown>;

/** A Query or Scan with plain values in (its expression's values, the start key) and out. */
type PlainRead<T> = Omit<T, 'ExpressionAttributeValues' | 'ExclusiveStartKey'> & {
  ExpressionAttributeValues?: object;
  ExclusiveStartKey?: object;
};

export interface PlainPage {
  Items: Item[];
  LastEvaluatedKey?: Item;
  Count?: number;
  /** items read before the filter: what a progress report counts */
  ScannedCount?: number;
}

function readToWire<T extends PlainRead<unknown>>(input: T) {
  const { ExpressionAttributeValues, ExclusiveStartKey, ...rest } = input;
  return {
    ...rest,
    ...(ExpressionAttributeValues && { ExpressionAttributeValues: toWire(ExpressionAttributeValues) }),
    ...(ExclusiveStartKey && { ExclusiveStartKey: toWire(ExclusiveStartKey) }),
  };
}

function pageOf(page: {
  Items?: WireItem[];
  LastEvaluatedKey?: WireItem;
  Count?: number;
  ScannedCount?: number;
}): PlainPage {
  return {
    Items: (page.Items ?? []).map(fromWire),
    ...(page.LastEvaluatedKey && { LastEvaluatedKey: fromWire(page.LastEvaluatedKey) }),
    ...(page.Count !== undefined && { Count: page.Count }),
    ...(page.ScannedCount !== undefined && { ScannedCount: page.ScannedCount }),
  };
}

/** One page of a Query. */
export async function queryPage(
  client: DynamoDBClient,
  input: PlainRead<QueryCommandInput>,
): Promise<PlainPage> {
  return pageOf(await client.send(new QueryCommand(readToWire(input) as QueryCommandInput)));
}

/** One page of a Scan (of one segment, when the input names one). */
export async function scanPage(
  client: DynamoDBClient,
  input: PlainRead<ScanCommandInput>,
): Promise<PlainPage> {
  return pageOf(await client.send(new ScanCommand(readToWire(input) as ScanCommandInput)));
}

/** One item by its key; undefined when there is none. */
export async function getItem(
  client: DynamoDBClient,
  input: Plain<GetItemCommandInput, 'Key'>,
): Promise<Item | undefined> {
  const { Item } = await client.send(new GetItemCommand(partToWire(input) as GetItemCommandInput));
  return Item && fromWire(Item);
}

/** The attributes a write hands back (as its ReturnValues asks), in plain values. */
async function attributesOf(sent: Promise<{ Attributes?: WireItem }>): Promise<Item | undefined> {
  const { Attributes } = await sent;
  return Attributes && fromWire(Attributes);
}

/** A put; the old item when ReturnValues asks for it. */
export const putItem = (client: DynamoDBClient, input: Plain<PutItemCommandInput, 'Item'>) =>
  attributesOf(client.send(new PutItemCommand(partToWire(input) as PutItemCommandInput)));

/** An update; the item's attributes as ReturnValues asks for them. */
export const updateItem = (client: DynamoDBClient, input: Plain<UpdateItemCommandInput, 'Key'>) =>
  attributesOf(client.send(new UpdateItemCommand(partToWire(input) as UpdateItemCommandInput)));

/** A delete; the old item when ReturnValues asks for it. */
export const deleteItem = (client: DynamoDBClient, input: Plain<DeleteItemCommandInput, 'Key'>) =>
  attributesOf(client.send(new DeleteItemCommand(partToWire(input) as DeleteItemCommandInput)));

/** A transaction of plain parts; a token makes its retries idempotent. */
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
