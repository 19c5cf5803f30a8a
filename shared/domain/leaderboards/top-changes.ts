/**
 * Who entered the top of a board or moved within it, from the top as read
 * before a batch of score changes and the changes themselves: the new top is
 * the old one with the changed users taken out and their new places put in.
 * Exact as long as `before` holds at least `size` + (number of changes)
 * entries when the board has them: each change can push at most one entry
 * out of the top.
 */

export interface TopEntry {
  userId: string;
  /** the rank key (rank order = descending key order); null when the user is no longer ranked */
  key: string | null;
  score: number;
}

export interface TopMove {
  userId: string;
  rank: number;
  /** null: entered the top */
  previousRank: number | null;
  score: number;
}

export function topChanges(
  before: readonly TopEntry[],
  changed: readonly TopEntry[],
  size: number,
): TopMove[] {
  const byKeyDesc = (a: TopEntry, b: TopEntry) => ((a.key ?? '') < (b.key ?? '') ? 1 : -1);
  const oldTop = [...before].sort(byKeyDesc).slice(0, size);
  const changedUsers = new Set(changed.map((c) => c.userId));
  const newTop = [
    ...before.filter((e) => !changedUsers.has(e.userId)),
    ...changed.filter((c) => c.key !== null),
  ]
    .sort(byKeyDesc)
    .slice(0, size);
  const oldRanks = new Map(oldTop.map((e, i) => [e.userId, i + 1]));
  return newTop.flatMap((entry, i) => {
    const rank = i + 1;
    const previousRank = oldRanks.get(entry.userId) ?? null;
    return previousRank === rank ? [] : [{ userId: entry.userId, rank, previousRank, score: entry.score }];
  });
}
