import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { reachSlotOf } from '../../domain/leaderboards/ranking';
import { topChanges } from '../../domain/leaderboards/top-changes';
import type { BoardRef, Contender, TopChange } from '../../leaderboard-ports';
import type { ItemKey } from './keys';
import {
  bucketCountKey,
  dayCountKey,
  groupCountKey,
  groupOf,
  scoreCountKey,
  scoreItemKey,
  slotCountKey,
} from './leaderboard-keys';
import { differs, isRanked, parseScoreItem, rankKeyOf, type ScoreItem, scoreItemFor } from './score-item';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** BatchGetItem takes at most 100 keys (and TransactWriteItems 100 items). */
const MAX_ITEMS = 100;
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
const ATTEMPTS = 6;
const TOP = 10;

interface Deps {
  doc: DynamoDBDocumentClient;
  tableName: string;
  store: {
    scatter(board: BoardRef, period: string, range: { below: string; limit: number }): Promise<ScoreItem[]>;
  };
}

/** One score item to write, with the one it replaces (null: first write). */
interface ScoreWrite {
  board: BoardRef;
  period: string;
  previous: ScoreItem | null;
  next: ScoreItem;
}

/**
 * Writes the contenders' score items and moves the bucket counts with them,
 * each chunk in ONE transaction whose score puts are guarded by what was
 * read (the previous profile version, or absence). Every write is computed
 * against the stored item, not applied as a delta, so a repeated or retried
 * batch finds nothing left to change and counts nothing twice; a lost race
 * (another writer, a counter held by a concurrent transaction) re-reads and
 * plans again.
 */
export async function projectContenders(
  deps: Deps,
  boards: readonly BoardRef[],
  contenders: readonly Contender[],
): Promise<TopChange[]> {
  const latest = latestPerUser(contenders);
  for (let attempt = 1; ; attempt++) {
    const writes = await planWrites(deps, boards, latest);
    if (writes.length === 0) return [];
    const before = await readTops(deps, writes);
    try {
      for (const chunk of chunksOf(writes)) await writeChunk(deps, chunk);
      return topChangesOf(before, writes);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isLostRace(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * 2 ** attempt));
    }
  }
}

/** A batch may hold several writes of one profile: the newest stands for all. */
function latestPerUser(contenders: readonly Contender[]): Contender[] {
  const byUser = new Map<string, Contender>();
  for (const c of contenders) {
    const seen = byUser.get(c.userId);
    if (!seen || seen.profileVersion < c.profileVersion) byUser.set(c.userId, c);
  }
  return [...byUser.values()];
}

async function planWrites(
  deps: Deps,
  boards: readonly BoardRef[],
  contenders: Contender[],
): Promise<ScoreWrite[]> {
  const boardById = new Map(boards.map((b) => [b.id, b]));
  const wanted = contenders.flatMap((contender) =>
    contender.scores.flatMap((score) => {
      const board = boardById.get(score.board);
      return board
        ? [{ board, contender, score, key: scoreItemKey(contender.userId, board.id, score.period) }]
        : [];
    }),
  );
  const stored = await batchGet(
    deps,
    wanted.map((w) => w.key),
  );
  const writes: ScoreWrite[] = [];
  for (const { board, contender, score, key } of wanted) {
    const found = stored.get(keyId(key));
    const previous = found ? parseScoreItem(found) : null;
    // A record older than what is projected already changes nothing.
    if (previous && previous.profile_version >= contender.profileVersion) continue;
    const next = scoreItemFor(board, contender, score, previous);
    if (!previous && next.score === 0) continue;
    if (differs(previous, next)) writes.push({ board, period: score.period, previous, next });
  }
  return writes;
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
function* chunksOf(writes: ScoreWrite[]): Generator<ScoreWrite[]> {
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

async function writeChunk(deps: Deps, chunk: ScoreWrite[]): Promise<void> {
  const counters = new Map<string, { key: ItemKey; delta: number; expiresAt?: number }>();
  const move = (key: ItemKey, delta: number, expiresAt?: number) => {
    const id = keyId(key);
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
  await deps.doc.send(new TransactWriteCommand({ TransactItems: items }));
}

/** The top of every board and period the writes touch, read before writing, long enough to stay exact. */
async function readTops(deps: Deps, writes: ScoreWrite[]): Promise<Map<string, ScoreItem[]>> {
  const touched = new Map<string, { board: BoardRef; period: string; writes: number }>();
  for (const w of writes) {
    const id = `${w.board.id}#${w.period}`;
    const seen = touched.get(id) ?? { board: w.board, period: w.period, writes: 0 };
    seen.writes += 1;
    touched.set(id, seen);
  }
  const tops = await Promise.all(
    [...touched].map(async ([id, t]) => {
      // Each write can push one of the top out: TOP + writes keeps the new top inside what was read.
      const limit = Math.min(TOP + t.writes, MAX_ITEMS);
      return [id, await deps.store.scatter(t.board, t.period, { below: '~', limit })] as const;
    }),
  );
  return new Map(tops);
}

function topChangesOf(before: Map<string, ScoreItem[]>, writes: ScoreWrite[]): TopChange[] {
  return [...before].flatMap(([id, items]) => {
    const mine = writes.filter((w) => `${w.board.id}#${w.period}` === id);
    const first = mine[0];
    if (!first) return [];
    const entry = (item: ScoreItem) => ({
      userId: item.user_id,
      key: isRanked(item) ? rankKeyOf(item) : null,
      score: item.score,
    });
    return topChanges(
      items.map(entry),
      mine.map((w) => entry(w.next)),
      TOP,
    ).map((change) => ({
      board: first.board.id,
      period: first.period,
      ...change,
    }));
  });
}

async function batchGet(deps: Deps, keys: ItemKey[]): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < keys.length; i += MAX_ITEMS) {
    let pending: Record<string, unknown>[] = keys.slice(i, i + MAX_ITEMS).map((k) => ({ ...k }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));
      const { Responses, UnprocessedKeys } = await deps.doc.send(
        new BatchGetCommand({ RequestItems: { [deps.tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of Responses?.[deps.tableName] ?? []) found.set(keyId(item as ItemKey), item);
      pending = UnprocessedKeys?.[deps.tableName]?.Keys ?? [];
    }
  }
  return found;
}

const keyId = (key: ItemKey): string => `${key.pk}\n${key.sk}`;

/** Another writer changed a score item since it was read, or held a counter: plan again. */
function isLostRace(error: unknown): boolean {
  return error instanceof Error && error.name === 'TransactionCanceledException';
}
