import type {
  AttributeValue,
  ConditionCheck,
  Delete,
  Put,
  TransactWriteItem,
  Update,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';

/**
 * Plain items to DynamoDB's wire format and back. The adapters build their
 * items, keys and transaction parts as plain values (the DocumentClient's
 * shape); plain-commands.ts translates them here on the way out and the
 * answers on the way back (client.ts says why there is no DocumentClient).
 */

type Item = Record<string, unknown>;
export type WireItem = Record<string, AttributeValue>;
/** One part of a transaction in plain values (lib-dynamodb's shape). */
export interface PlainTransactItem {
  Put?: Plain<Put, 'Item'>;
  Update?: Plain<Update, 'Key'>;
  Delete?: Plain<Delete, 'Key'>;
  ConditionCheck?: Plain<ConditionCheck, 'Key'>;
}

/** A part whose item or key, and its expression's values, are plain values. */
export type Plain<T, K extends 'Item' | 'Key'> = Omit<T, K | 'ExpressionAttributeValues'> & {
  [P in K]: object;
} & {
  ExpressionAttributeValues?: object;
};

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

export function partToWire<P extends PlainPart>(part: P) {
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
