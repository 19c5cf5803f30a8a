import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BoardEntry,
  bucketDelta,
  bucketKeyRange,
  bucketOf,
  percentileOf,
  rankKey,
  standingFrom,
} from '../../../shared/domain/leaderboards/ranking';

/** The brute force: everyone sorted by the board's order, rank = position. */
function bruteRanks(entries: readonly BoardEntry[]): Map<string, number> {
  const sorted = [...entries].sort((a, b) => (rankKey(a) < rankKey(b) ? 1 : -1));
  return new Map(sorted.map((e, i) => [e.userId, i + 1]));
}

/** The scale design, simulated: bucket counts kept by deltas, and only the user's bucket read. */
function bucketedStanding(
  entries: ReadonlyMap<string, BoardEntry>,
  counts: Map<number, number>,
  userId: string,
  width: number,
) {
  const me = entries.get(userId);
  if (!me) throw new Error('no entry');
  const bucket = bucketOf(me.score, width);
  const { from, to } = bucketKeyRange(bucket, width);
  const mine = rankKey(me);
  let above = 0;
  for (const other of entries.values()) {
    const key = rankKey(other);
    if (key >= from && key <= to && key > mine) above++;
  }
  return standingFrom(counts, bucket, above);
}

const instant = (second: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, second)).toISOString();

describe('exact ranks from bucket counts', () => {
  it('equals the brute force for 5,000 users with ties, after random updates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 5 })), {
          minLength: 5000,
          maxLength: 5000,
        }),
        fc.array(fc.tuple(fc.nat(4999), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 5 })), {
          maxLength: 500,
        }),
        fc.constantFrom(1, 7, 50),
        (initial, updates, width) => {
          const entries = new Map<string, BoardEntry>();
          const counts = new Map<number, number>();
          const apply = (entry: BoardEntry) => {
            const before = entries.get(entry.userId) ?? null;
            for (const [bucket, n] of bucketDelta(before, entry, width))
              counts.set(bucket, (counts.get(bucket) ?? 0) + n);
            entries.set(entry.userId, entry);
          };
          for (const [i, [score, second]] of initial.entries()) {
            apply({ userId: `u${i}`, score, reachedAt: instant(second) });
          }
          for (const [i, score, second] of updates)
            apply({ userId: `u${i}`, score, reachedAt: instant(10 + second) });

          const brute = bruteRanks([...entries.values()]);
          // every 25th user, so a run stays quick while covering every bucket size
          for (let i = 0; i < 5000; i += 25) {
            const userId = `u${i}`;
            const standing = bucketedStanding(entries, counts, userId, width);
            expect(standing.rank).toBe(brute.get(userId));
            expect(standing.total).toBe(5000);
            expect(standing.percentile).toBe(percentileOf(brute.get(userId) ?? 0, 5000));
          }
        },
      ),
      { numRuns: 5 },
    );
    // 5 runs of 5,000 users take about 4 s alone: room for a busy machine
  }, 30_000);

  it('breaks a tie by who got there first; the user id settles the rest, the same way every time', () => {
    const early = { userId: 'b', score: 10, reachedAt: instant(1) };
    const late = { userId: 'a', score: 10, reachedAt: instant(2) };
    const twin = { userId: 'c', score: 10, reachedAt: instant(1) };
    const higher = { userId: 'z', score: 11, reachedAt: instant(5) };
    const ranks = bruteRanks([late, early, twin, higher]);
    expect(ranks.get('z')).toBe(1);
    expect([ranks.get('c'), ranks.get('b')].sort()).toEqual([2, 3]);
    expect(ranks.get('a')).toBe(4);
  });

  it('keeps the bucket counts exact through moves, arrivals and departures', () => {
    expect([...bucketDelta(null, { score: 120 }, 50)]).toEqual([[2, 1]]);
    expect([...bucketDelta({ score: 120 }, { score: 149 }, 50)]).toEqual([]);
    expect([...bucketDelta({ score: 120 }, { score: 150 }, 50)]).toEqual([
      [2, -1],
      [3, 1],
    ]);
    expect([...bucketDelta({ score: 120 }, null, 50)]).toEqual([[2, -1]]);
  });
});
