import type { UserHistory } from '../domain/replay/history';

/** Where a backfill job finds users and their recorded histories, one Scan segment at a time. */
export interface ReplaySource {
  /** a page of the users whose profiles are in this segment; `next` resumes after it */
  userPage(segment: SegmentRef, startKey?: string): Promise<{ userIds: string[]; next?: string }>;
  /** a user's whole recorded history; null when nothing is recorded */
  historyOf(userId: string): Promise<UserHistory | null>;
}

export interface SegmentRef {
  index: number;
  total: number;
}
