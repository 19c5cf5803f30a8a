import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BoardEntry,
  bucketOf,
  type CounterLevel,
  rankKey,
  scoreKeyRange,
  standingFromLevels,
} from '../../../shared/domain/leaderboards/ranking';

/**
 * The three levels of counters the store keeps (exact score, bucket, group
 * of GROUP buckets), simulated in memory: a rank read from the siblings at
 * each level plus the exact ties above equals the brute-force sort's.
 */

const GROUP = 100;
const instant = (second: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, second)).toISOString();

function levelsFor(entries: readonly BoardEntry[], me: BoardEntry, width: number): CounterLevel[] {
  const bucket = bucketOf(me.score, width);
  const group = Math.floor(bucket / GROUP);
  const groups = new Map<number, number>();
  const buckets = new Map<number, number>();
  const scores = new Map<number, number>();
  const add = (map: Map<number, number>, n: number) => map.set(n, (map.get(n) ?? 0) + 1);
  for (const e of entries) {
    const b = bucketOf(e.score, width);
    add(groups, Math.floor(b / GROUP));
    // only what the store reads: the buckets of my group, the scores of my bucket
    if (Math.floor(b / GROUP) === group) add(buckets, b);
    if (b === bucket) add(scores, e.score);
  }
  return [
    { counts: groups, mine: group },
    { counts: buckets, mine: bucket },
    { counts: scores, mine: me.score },
  ];
}

describe('exact ranks from nested counters', () => {
  it('equals the brute force with ties, wide spreads and every bucket width', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 1500,
        }),
        fc.constantFrom(1, 5, 100),
        fc.boolean(),
        (raw, width, clustered) => {
          // clustered: scores squeezed into few values, so exact ties are many
          const entries = raw.map(([score, second], i) => ({
            userId: `u${i}`,
            score: clustered ? 1 + (score % 30) : score,
            reachedAt: instant(second),
          }));
          const sorted = [...entries].sort((a, b) => (rankKey(a) < rankKey(b) ? 1 : -1));
          for (let i = 0; i < sorted.length; i += Math.max(1, Math.floor(sorted.length / 40))) {
            const me = sorted[i] as BoardEntry;
            const mine = rankKey(me);
            const tiesAbove = entries.filter((e) => {
              const key = rankKey(e);
              return key > mine && key <= scoreKeyRange(me.score).to;
            }).length;
            const standing = standingFromLevels(levelsFor(entries, me, width), tiesAbove);
            expect(standing.rank).toBe(i + 1);
            expect(standing.total).toBe(entries.length);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('counts only the ties above: the first of equal scores is ranked before the later ones', () => {
    const early = { userId: 'b', score: 10, reachedAt: instant(1) };
    const late = { userId: 'a', score: 10, reachedAt: instant(2) };
    const levels = levelsFor([early, late], late, 5);
    expect(standingFromLevels(levels, 1)).toEqual({ rank: 2, total: 2, percentile: 0 });
    expect(standingFromLevels(levelsFor([early, late], early, 5), 0)).toEqual({
      rank: 1,
      total: 2,
      percentile: 100,
    });
  });
});
