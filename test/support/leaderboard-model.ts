import { percentileOf, rankKey } from '../../shared/domain/leaderboards/ranking';
import type { BoardScore, Contender } from '../../shared/ports/leaderboards';

/**
 * The brute-force board the store is checked against: every user's latest
 * state, sorted. A score keeps the time it was first reached while it stays
 * the same (as the store does); unranked users (score 0, hidden) are left out.
 */
export class BoardModel {
  private readonly users = new Map<
    string,
    { score: number; reachedAt: string; visible: boolean; version: number }
  >();

  constructor(
    private readonly board: string,
    private readonly period: string,
  ) {}

  /** Applies what the projection would: the newest version wins, an older one is ignored. */
  apply(contender: Contender): void {
    const score = contender.scores.find((s) => s.board === this.board && s.period === this.period);
    if (!score) return;
    const seen = this.users.get(contender.userId);
    if (seen && seen.version >= contender.profileVersion) return;
    const reachedAt = seen && seen.score === score.score ? seen.reachedAt : contender.updatedAt;
    this.users.set(contender.userId, {
      score: score.score,
      reachedAt,
      visible: contender.visible,
      version: contender.profileVersion,
    });
  }

  /** Ranked users, best first. */
  ranking(): { userId: string; score: number; key: string }[] {
    return [...this.users]
      .filter(([, u]) => u.visible && u.score > 0)
      .map(([userId, u]) => ({
        userId,
        score: u.score,
        key: rankKey({ userId, score: u.score, reachedAt: u.reachedAt }),
      }))
      .sort((a, b) => (a.key < b.key ? 1 : -1));
  }

  /** Every ranked user's standing, from one sort. */
  standings(): Map<string, { rank: number; total: number; percentile: number }> {
    const ranking = this.ranking();
    return new Map(
      ranking.map((u, i) => [
        u.userId,
        { rank: i + 1, total: ranking.length, percentile: percentileOf(i + 1, ranking.length) },
      ]),
    );
  }
}

export function contender(
  userId: string,
  version: number,
  updatedAt: string,
  scores: BoardScore[],
  opts: { visible?: boolean; level?: number; displayName?: string | null } = {},
): Contender {
  return {
    userId,
    profileVersion: version,
    updatedAt,
    displayName: opts.displayName ?? null,
    level: opts.level ?? 1,
    visible: opts.visible ?? true,
    scores,
  };
}
