import {
  bucketCountKey,
  dayCountKey,
  groupCountKey,
  groupOf,
  scoreCountKey,
  slotCountKey,
} from '../../shared/adapters/dynamo/leaderboard-keys';
import { scoreItemFor } from '../../shared/adapters/dynamo/score-item';
import { reachSlotOf } from '../../shared/domain/leaderboards/ranking';
import type { BoardRef } from '../../shared/ports/leaderboards';

/**
 * A board of `users` ranked users, as the projection would have left it: one
 * score item each and the five levels of counters. Scores look like XP: many
 * users low, a long tail high, in steps of 5 (awards are round numbers), so
 * exact ties are common; reach times spread over a week.
 */
export function boardItems(
  board: BoardRef,
  period: string,
  users: number,
  seed: number,
): { items: Record<string, unknown>[]; userIds: string[] } {
  const random = mulberry32(seed);
  const items: Record<string, unknown>[] = [];
  const counters = new Map<string, { pk: string; sk: string; users: number }>();
  const count = (key: { pk: string; sk: string }) => {
    const id = `${key.pk}\n${key.sk}`;
    const counter = counters.get(id) ?? { ...key, users: 0 };
    counter.users += 1;
    counters.set(id, counter);
  };
  const userIds: string[] = [];
  const weekStart = Date.UTC(2026, 10, 23);
  for (let i = 0; i < users; i++) {
    const userId = `bench-user-${i}`;
    userIds.push(userId);
    const score = 5 * (1 + Math.floor((-Math.log(1 - random()) * 2_500) / 5));
    const updatedAt = new Date(weekStart + Math.floor(random() * 7 * 86_400_000)).toISOString();
    const item = scoreItemFor(
      board,
      {
        userId,
        profileVersion: 1,
        updatedAt,
        displayName: `Player ${i}`,
        level: 1 + (score % 40),
        visible: true,
        scores: [],
      },
      { board: board.id, period, score },
      null,
    );
    items.push(item);
    const bucket = item.bucket ?? 0;
    const reach = reachSlotOf(updatedAt);
    count(slotCountKey(board.id, period, score, reach));
    count(dayCountKey(board.id, period, score, reach.day));
    count(scoreCountKey(board.id, period, score));
    count(bucketCountKey(board.id, period, bucket));
    count(groupCountKey(board.id, period, groupOf(bucket)));
  }
  items.push(...counters.values());
  return { items, userIds };
}

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
