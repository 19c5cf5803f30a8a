import { forEachConcurrently } from '../concurrency';
import type { ReplaySource } from '../ports/replay';
import { makeBackfillUser } from './backfill-user';
import type { AppDeps } from './deps';

/** One Step Functions iteration of the backfill job: a segment, from where the last one stopped. */
export interface SegmentWork {
  segment: number;
  totalSegments: number;
  /** resume here; absent: from the segment's start */
  startKey?: string;
}

export interface SegmentProgress extends SegmentWork {
  /** true when the segment is done; else run again with this `startKey` */
  done: boolean;
  users: number;
  granted: number;
}

/**
 * Backfills the users of one Scan segment, page by page, until the segment
 * is done or the time left runs short; the state machine calls again with
 * the returned `startKey`. A page cut short is safe to run again: every
 * grant is applied once per (user, rules version, achievement).
 */
export function makeBackfillSegment(deps: AppDeps & { source: ReplaySource }) {
  const backfillUser = makeBackfillUser(deps);
  return async (work: SegmentWork, timeLeftMs: () => number): Promise<SegmentProgress> => {
    const segment = { index: work.segment, total: work.totalSegments };
    let startKey = work.startKey;
    let users = 0;
    let granted = 0;
    do {
      const page = await deps.source.userPage(segment, startKey);
      // users are independent (each in its own partition): several at once, each read and then granted
      await forEachConcurrently(page.userIds, USERS_AT_ONCE, async (userId) => {
        const history = await deps.source.historyOf(userId);
        if (history) granted += (await backfillUser(history)).granted.length;
        users += 1;
      });
      startKey = page.next;
    } while (startKey !== undefined && timeLeftMs() > MIN_TIME_FOR_A_PAGE_MS);
    const { segment: index, totalSegments } = work;
    return {
      segment: index,
      totalSegments,
      ...(startKey && { startKey }),
      done: startKey === undefined,
      users,
      granted,
    };
  };
}

const USERS_AT_ONCE = 8;

/** A page of users takes seconds; stop with a few minutes left, so the Lambda never times out mid-page. */
const MIN_TIME_FOR_A_PAGE_MS = 3 * 60_000;
