import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BoardEntry,
  bucketOf,
  type CounterLevel,
  rankKey,
  reachSlotOf,
  slotKeyRange,
  standingFromLevels,
} from '../../../shared/domain/leaderboards/ranking';

/**
 * The five levels of counters the store keeps (group of GROUP buckets,
 * bucket, exact score, the day and the ten-minute slot the score was
 * reached), simulated in memory: a rank read from the siblings at each level
 * plus the users of the own slot above equals the brute-force sort's.
 */

const GROUP = 100;
/** minutes apart over three days: slots and days with many users, and ties inside a slot */
const instant = (minute: number) => new Date(Date.UTC(2026, 10, 23, 12, minute, minute % 7)).toISOString();

function levelsFor(entries: readonly BoardEntry[], me: BoardEntry, width: number): CounterLevel[] {
  const bucket = bucketOf(me.score, width);
  const group = Math.floor(bucket / GROUP);
  const reach = reachSlotOf(me.reachedAt);
  const [groups, buckets, scores, days, slots] = Array.from({ length: 5 }, () => new Map<number, number>());
  const add = (map: Map<number, number> | undefined, n: number) => map?.set(n, (map.get(n) ?? 0) + 1);
  for (const e of entries) {
    const b = bucketOf(e.score, width);
    const r = reachSlotOf(e.reachedAt);
    add(groups, Math.floor(b / GROUP));
    // only what the store reads: the siblings of my node at each level
    if (Math.floor(b / GROUP) === group) add(buckets, b);
    if (b === bucket) add(scores, e.score);
    if (e.score === me.score) add(days, r.day);
    if (e.score === me.score && r.day === reach.day) add(slots, r.slot);
  }
  const level = (counts: Map<number, number> | undefined, mine: number) => ({
    counts: counts ?? new Map(),
    mine,
  });
  return [
    level(groups, group),
    level(buckets, bucket),
    level(scores, me.score),
    level(days, reach.day),
    level(slots, reach.slot),
  ];
}

describe('exact ranks from nested counters', () => {
  it('equals the brute force with ties, wide spreads and every bucket width', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 0, max: 3 * 1440 })), {
          minLength: 1,
          maxLength: 1500,
        }),
        fc.constantFrom(1, 5, 100),
        fc.boolean(),
        (raw, width, clustered) => {
          // clustered: few scores and few instants, so ties share days, slots and even the instant
          const entries = raw.map(([score, minute], i) => ({
            userId: `u${i}`,
            score: clustered ? 1 + (score % 30) : score,
            reachedAt: instant(clustered ? minute % 40 : minute),
          }));
          const sorted = [...entries].sort((a, b) => (rankKey(a) < rankKey(b) ? 1 : -1));
          for (let i = 0; i < sorted.length; i += Math.max(1, Math.floor(sorted.length / 40))) {
            const me = sorted[i] as BoardEntry;
            const mine = rankKey(me);
            const tiesAbove = entries.filter((e) => {
              const key = rankKey(e);
              return key > mine && key <= slotKeyRange(me.score, me.reachedAt).to;
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
    // one slot: the order inside it comes from the index count
    const levels = levelsFor([early, late], late, 5);
    expect(standingFromLevels(levels, 1)).toEqual({ rank: 2, total: 2, percentile: 0 });
    expect(standingFromLevels(levelsFor([early, late], early, 5), 0)).toEqual({
      rank: 1,
      total: 2,
      percentile: 100,
    });
  });

  it('ranks a tie reached on an earlier day, or earlier in the day, above without reading it', () => {
    const yesterday = { userId: 'y', score: 10, reachedAt: '2026-11-22T23:59:00.000Z' };
    const morning = { userId: 'm', score: 10, reachedAt: '2026-11-23T08:00:00.000Z' };
    const me = { userId: 'a', score: 10, reachedAt: '2026-11-23T08:30:00.000Z' };
    const all = [yesterday, morning, me];
    // nobody shares my slot: the index count is 0, the counters place the other two above
    expect(slotKeyRange(me.score, me.reachedAt).from <= rankKey(me)).toBe(true);
    expect(rankKey(morning) > slotKeyRange(me.score, me.reachedAt).to).toBe(true);
    expect(standingFromLevels(levelsFor(all, me, 5), 0).rank).toBe(3);
    expect(standingFromLevels(levelsFor(all, morning, 5), 0).rank).toBe(2);
  });
});
