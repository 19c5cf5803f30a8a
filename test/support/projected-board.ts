import { scoreItemFor } from '../../shared/adapters/dynamo/score-item';
import { counterKeysOf } from '../../shared/adapters/dynamo/score-writes';
import type { BoardRef, Contender } from '../../shared/ports/leaderboards';

/**
 * The items the projection leaves for contenders projected onto empty boards
 * (each user once): their score items and every counter at its final count,
 * built with the projection's own item and counter functions. Written with
 * BatchWriteItem, they load thousands of users in seconds where the
 * projection's transactions take a minute; what is under test then runs on top.
 */
export function projectedItems(boards: readonly BoardRef[], contenders: readonly Contender[]) {
  const byId = new Map(boards.map((board) => [board.id, board]));
  const items: Record<string, unknown>[] = [];
  const counters = new Map<string, Record<string, unknown> & { users: number }>();
  for (const contender of contenders) {
    for (const score of contender.scores) {
      const board = byId.get(score.board);
      if (!board) continue;
      const item = scoreItemFor(board, contender, score, null);
      // as the projection: a new user with nothing scored yet writes nothing
      if (item.score === 0) continue;
      items.push(item);
      for (const key of counterKeysOf(board.id, score.period, item)) {
        const id = `${key.pk}\n${key.sk}`;
        const counter = counters.get(id) ?? {
          ...key,
          users: 0,
          ...(item.expires_at !== undefined && { expires_at: item.expires_at }),
        };
        counter.users += 1;
        counters.set(id, counter);
      }
    }
  }
  return [...items, ...counters.values()];
}
