import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { topChanges } from '../../domain/leaderboards/top-changes';
import type { BoardRef, Contender, TopChange } from '../../ports/leaderboards';
import { batchGetConsistent, itemKeyId } from './batch-get';
import { scoreItemKey } from './leaderboard-keys';
import { differs, isRanked, parseScoreItem, rankKeyOf, type ScoreItem, scoreItemFor } from './score-item';
import { type ScoreWrite, transactionsOf, writeTransaction } from './score-writes';

/** BatchGetItem takes at most 100 keys (and TransactWriteItems 100 items). */
const MAX_ITEMS = 100;
const ATTEMPTS = 6;
const TOP = 10;

interface Deps {
  client: DynamoDBClient;
  tableName: string;
  store: {
    scatter(board: BoardRef, period: string, range: { below: string; limit: number }): Promise<ScoreItem[]>;
  };
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
      // One at a time on purpose: the transactions of one batch share bucket counters, and
      // concurrent transactions on the same items cancel each other (TransactionConflict).
      for (const chunk of transactionsOf(writes)) await writeTransaction(deps, chunk);
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
  const stored = await batchGetConsistent(
    deps.client,
    deps.tableName,
    wanted.map((w) => w.key),
  );
  const writes: ScoreWrite[] = [];
  for (const { board, contender, score, key } of wanted) {
    const found = stored.get(itemKeyId(key));
    const previous = found ? parseScoreItem(found) : null;
    // A record older than what is projected already changes nothing.
    if (previous && previous.profile_version >= contender.profileVersion) continue;
    const next = scoreItemFor(board, contender, score, previous);
    if (!previous && next.score === 0) continue;
    if (differs(previous, next)) writes.push({ board, period: score.period, previous, next });
  }
  return writes;
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

/** Another writer changed a score item since it was read, or held a counter: plan again. */
function isLostRace(error: unknown): boolean {
  return error instanceof Error && error.name === 'TransactionCanceledException';
}
