import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { reachSlotOf } from '../../domain/leaderboards/ranking';
import type { BoardRef } from '../../ports/leaderboards';
import { itemKeyId } from './batch-get';
import type { ItemKey } from './keys';
import {
  bucketCountKey,
  dayCountKey,
  groupCountKey,
  groupOf,
  scoreCountKey,
  slotCountKey,
} from './leaderboard-keys';
import { transactWrite } from './plain-commands';
import type { ScoreItem } from './score-item';
import type { PlainTransactItem as TransactItem } from './wire';

/**
 * The write side of the leaderboard projection (leaderboard-projection.ts
 * plans, this writes): each score item with the bucket counts it moves, in
 * small transactions.
 */

/**
 * Items per projection transaction, counters included (a score write moves
 * at most 10: its old and new group, bucket, score, day and slot): one or
 * two score writes. Small on purpose: the counters are shared by every user
 * on a board, so a small transaction holds fewer of them at once and
 * conflicts less; and DynamoDB Local holds its whole table for a
 * transaction's duration, so 100-item ones stalled the activities around
 * them (bench:http p50 86-164 ms at 100 items, 38-40 ms at 12).
 */
const MAX_TRANSACTION_ITEMS = 12;

/** One score item to write, with the one it replaces (null: first write). */
export interface ScoreWrite {
  board: BoardRef;
  period: string;
  previous: ScoreItem | null;
  next: ScoreItem;
}

/**
 * The counters a ranked score item counts in (its reach slot, day, score,
 * bucket and bucket group); none for an item that is not ranked (no bucket).
 */
export function counterKeysOf(boardId: string, period: string, item: ScoreItem): ItemKey[] {
  if (item.bucket === undefined) return [];
  const reach = reachSlotOf(item.reached_at);
  return [
    slotCountKey(boardId, period, item.score, reach),
    dayCountKey(boardId, period, item.score, reach.day),
    scoreCountKey(boardId, period, item.score),
    bucketCountKey(boardId, period, item.bucket),
    groupCountKey(boardId, period, groupOf(item.bucket)),
  ];
}

/** Groups writes so each transaction stays within MAX_TRANSACTION_ITEMS, counters included. */
export function* transactionsOf(writes: ScoreWrite[]): Generator<ScoreWrite[]> {
  let chunk: ScoreWrite[] = [];
  let items = 0;
  for (const write of writes) {
    const size = itemsOf(write);
    if (chunk.length > 0 && items + size > MAX_TRANSACTION_ITEMS) {
      yield chunk;
      chunk = [];
      items = 0;
    }
    chunk.push(write);
    items += size;
  }
  if (chunk.length > 0) yield chunk;
}

/** The score put and every counter it moves (before moves within a chunk cancel out). */
function itemsOf({ board, period, previous, next }: ScoreWrite): number {
  const moved = (item: ScoreItem | null) => (item ? counterKeysOf(board.id, period, item).length : 0);
  return 1 + moved(previous) + moved(next);
}

export async function writeTransaction(
  deps: { client: DynamoDBClient; tableName: string },
  chunk: ScoreWrite[],
): Promise<void> {
  const counters = new Map<string, { key: ItemKey; delta: number; expiresAt?: number }>();
  const move = (key: ItemKey, delta: number, expiresAt?: number) => {
    const id = itemKeyId(key);
    const counter = counters.get(id) ?? { key, delta: 0, ...(expiresAt !== undefined && { expiresAt }) };
    counter.delta += delta;
    counters.set(id, counter);
  };
  const items: TransactItem[] = [];
  for (const { board, period, previous, next } of chunk) {
    for (const [item, sign] of [
      [previous, -1],
      [next, 1],
    ] as const) {
      if (!item) continue;
      for (const key of counterKeysOf(board.id, period, item)) move(key, sign, next.expires_at);
    }
    items.push({
      Put: {
        TableName: deps.tableName,
        Item: next,
        ConditionExpression: previous ? 'profile_version = :seen' : 'attribute_not_exists(pk)',
        ...(previous && { ExpressionAttributeValues: { ':seen': previous.profile_version } }),
      },
    });
  }
  for (const { key, delta, expiresAt } of counters.values()) {
    if (delta === 0) continue;
    items.push({
      Update: {
        TableName: deps.tableName,
        Key: key,
        UpdateExpression: expiresAt === undefined ? 'ADD #users :d' : 'ADD #users :d SET expires_at = :e',
        ExpressionAttributeNames: { '#users': 'users' },
        ExpressionAttributeValues: { ':d': delta, ...(expiresAt !== undefined && { ':e': expiresAt }) },
      },
    });
  }
  await transactWrite(deps.client, items);
}
