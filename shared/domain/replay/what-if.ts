import type { Rules } from '../../rules/schema';
import { figuresOf, positionsOf, type UserFigures } from './figures';
import type { UserHistory } from './history';
import { replayHistory } from './replay';

/** One user whose figures (or board positions) the proposed rules change. */
export interface UserChange {
  userId: string;
  before: UserFigures;
  after: UserFigures;
  achievementsGained: string[];
  achievementsLost: string[];
  /** board id -> rank before and after (null: unranked) */
  positions: Record<string, { before: number | null; after: number | null }>;
  /** what the change would take from the user: a level, an achievement, coins already spent */
  losses: string[];
}

export interface Economy {
  users: number;
  xpIssued: { before: number; after: number };
  coinsIssued: { before: number; after: number };
  /** level -> users at it */
  levels: { before: Record<number, number>; after: Record<number, number> };
  /** achievement id -> users who would gain it, and lose it */
  achievements: Record<string, { gained: number; lost: number }>;
}

export interface WhatIfReport {
  changes: UserChange[];
  economy: Economy;
  /** users whose replay under the current rules differs from what is stored (see README) */
  unfaithful: string[];
}

export interface StoredTotals {
  xp: number;
  coins: number;
}

/**
 * Replays every history under the current and the proposed rules and
 * compares them. Both sides are replays, so a difference is the rules' doing
 * and nothing else; where the current-rules replay does not match what is
 * stored, the user is listed in `unfaithful` instead of guessed at.
 */
export function whatIf(
  current: Rules,
  proposed: Rules,
  histories: Iterable<UserHistory & { stored?: StoredTotals }>,
): WhatIfReport {
  const before = new Map<string, UserFigures>();
  const after = new Map<string, UserFigures>();
  const unfaithful: string[] = [];
  for (const history of histories) {
    const now = figuresOf(current, replayHistory(current, history));
    before.set(history.userId, now);
    after.set(history.userId, figuresOf(proposed, replayHistory(proposed, history)));
    const { stored } = history;
    if (stored && (stored.xp !== now.xp || stored.coins !== now.coins)) unfaithful.push(history.userId);
  }
  const ranksBefore = positionsOf(before);
  const ranksAfter = positionsOf(after);
  const changes: UserChange[] = [];
  for (const [userId, was] of before) {
    const will = after.get(userId) as UserFigures;
    const change = compare(userId, was, will, ranksBefore.get(userId) ?? {}, ranksAfter.get(userId) ?? {});
    if (change) changes.push(change);
  }
  return { changes, economy: economyOf(before, after, changes), unfaithful };
}

function compare(
  userId: string,
  before: UserFigures,
  after: UserFigures,
  ranksBefore: Record<string, number>,
  ranksAfter: Record<string, number>,
): UserChange | null {
  const ids = new Set([...Object.keys(before.achievements), ...Object.keys(after.achievements)]);
  const gained = [...ids]
    .filter((id) => (after.achievements[id] ?? 0) > (before.achievements[id] ?? 0))
    .sort();
  const lost = [...ids].filter((id) => (after.achievements[id] ?? 0) < (before.achievements[id] ?? 0)).sort();
  const positions: UserChange['positions'] = {};
  for (const board of new Set([...Object.keys(ranksBefore), ...Object.keys(ranksAfter)])) {
    const was = ranksBefore[board] ?? null;
    const will = ranksAfter[board] ?? null;
    if (was !== will) positions[board] = { before: was, after: will };
  }
  const losses = [
    ...(after.level < before.level ? [`level ${before.level} -> ${after.level}`] : []),
    ...lost.map((id) => `achievement ${id}`),
    ...after.unaffordable
      .filter((what) => !before.unaffordable.includes(what))
      .map((what) => `coins already spent: ${what}`),
  ];
  const same = JSON.stringify(before) === JSON.stringify(after) && Object.keys(positions).length === 0;
  if (same) return null;
  return { userId, before, after, achievementsGained: gained, achievementsLost: lost, positions, losses };
}

function economyOf(
  before: ReadonlyMap<string, UserFigures>,
  after: ReadonlyMap<string, UserFigures>,
  changes: readonly UserChange[],
): Economy {
  const sum = (all: ReadonlyMap<string, UserFigures>, pick: (f: UserFigures) => number) =>
    [...all.values()].reduce((total, f) => total + pick(f), 0);
  const levels = (all: ReadonlyMap<string, UserFigures>) => {
    const counts: Record<number, number> = {};
    for (const f of all.values()) counts[f.level] = (counts[f.level] ?? 0) + 1;
    return counts;
  };
  const achievements: Economy['achievements'] = {};
  const tally = (id: string) => {
    achievements[id] ??= { gained: 0, lost: 0 };
    return achievements[id];
  };
  for (const change of changes) {
    for (const id of change.achievementsGained) tally(id).gained += 1;
    for (const id of change.achievementsLost) tally(id).lost += 1;
  }
  return {
    users: before.size,
    xpIssued: { before: sum(before, (f) => f.xp), after: sum(after, (f) => f.xp) },
    coinsIssued: { before: sum(before, (f) => f.coinsEarned), after: sum(after, (f) => f.coinsEarned) },
    levels: { before: levels(before), after: levels(after) },
    achievements,
  };
}
