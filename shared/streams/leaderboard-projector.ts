import { contenderOf } from '../domain/leaderboards/board-scores';
import { leaderboardChangedEnvelope } from '../domain/leaderboards/changed-event';
import type { Profile } from '../domain/types';
import type { EventPublisher } from '../ports/events';
import type { BoardRef, LeaderboardStore, TopChange } from '../ports/leaderboards';
import type { Clock } from '../ports/operations';
import type { Rules } from '../rules/schema';

export interface ProjectorDeps {
  rules: Rules;
  store: LeaderboardStore;
  publisher: EventPublisher;
  clock: Clock;
  /** a notification that could not be published: logged and counted, not retried */
  publishFailed(changes: readonly TopChange[], error: unknown): void;
}

export const boardRefsOf = (rules: Rules): BoardRef[] =>
  Object.entries(rules.leaderboards).map(([id, board]) => ({ id, bucketWidth: board.bucket_width }));

/**
 * The table's stream -> the boards: every profile a batch changed (decoded
 * from its records by the function) becomes
 * its score items and bucket counts (written idempotently: a retried batch
 * changes nothing twice), then `leaderboard.changed` for whoever entered or
 * moved within a top 10. The notifications are published after the write
 * and never retried by re-running the batch: a re-run finds the boards
 * already up to date and has no changes left to tell, so a failure to
 * publish is logged instead of failing the batch.
 */
export async function projectLeaderboards(
  profiles: readonly Profile[],
  deps: ProjectorDeps,
): Promise<{ profiles: number; changes: TopChange[] }> {
  const contenders = profiles.map((profile) => contenderOf(deps.rules, profile));
  if (contenders.length === 0) return { profiles: 0, changes: [] };
  const changes = await deps.store.project(boardRefsOf(deps.rules), contenders);
  if (changes.length > 0) {
    const at = deps.clock.now().toISOString();
    try {
      await deps.publisher.publish(changes.map((change) => leaderboardChangedEnvelope(change, at)));
    } catch (error) {
      deps.publishFailed(changes, error);
    }
  }
  return { profiles: contenders.length, changes };
}
