import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { isBackfillEventId } from '../../domain/replay/backfill';
import type { HistoryStep, UserHistory } from '../../domain/replay/history';
import type { StoredTotals } from '../../domain/replay/what-if';
import { FREEZE_PURCHASE_REASON } from '../../domain/streaks/freezes';
import { appliedActivityOf } from './applied-activity';
import { outcomeFromEventRecord } from './event-record';
import {
  isEventKey,
  isOutboxKey,
  isProfileSk,
  streamSortKeys,
  USER_PK_PREFIX,
  userIdOf,
  userPk,
} from './keys';
import { outboxRecordEvents } from './outbox-record';
import { type PlainPage, queryPage, scanPage } from './plain-commands';

/**
 * Reads users' recorded histories (their event items and kept freeze uses)
 * and stored totals, for a replay. Read only: Scan (parallel segments) for
 * every user, Query for named ones. Everything is grouped in memory, so one
 * machine holds the histories it replays: see the README on going further.
 */

export type ReplayableHistory = UserHistory & { stored?: StoredTotals };

export interface HistoryReaderOptions {
  client: DynamoDBClient;
  tableName: string;
  /** parallel Scan segments */
  segments?: number;
  /** called after every page with the items read so far */
  onProgress?: (itemsRead: number) => void;
}

const FILTER = 'sk = :profile OR begins_with(sk, :event) OR begins_with(sk, :outbox)';
const VALUES = {
  ':profile': streamSortKeys.profile,
  ':event': streamSortKeys.eventPrefix,
  ':outbox': streamSortKeys.outboxPrefix,
};

export async function readAllHistories(opts: HistoryReaderOptions): Promise<ReplayableHistory[]> {
  const segments = opts.segments ?? 8;
  const reading = new Reading(opts);
  await Promise.all(
    Array.from({ length: segments }, (_, segment) =>
      reading.pages((start) =>
        scanPage(opts.client, {
          TableName: opts.tableName,
          Segment: segment,
          TotalSegments: segments,
          FilterExpression: `begins_with(pk, :user) AND (${FILTER})`,
          ExpressionAttributeValues: { ...VALUES, ':user': USER_PK_PREFIX },
          ExclusiveStartKey: start,
        }),
      ),
    ),
  );
  return reading.collector.histories();
}

export async function readHistoriesOf(
  opts: HistoryReaderOptions,
  userIds: readonly string[],
): Promise<ReplayableHistory[]> {
  const reading = new Reading(opts);
  for (const userId of userIds) {
    await reading.pages((start) =>
      queryPage(opts.client, {
        TableName: opts.tableName,
        // a Query cannot filter on the sort key: the collector keeps only the items it reads
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': userPk(userId) },
        ExclusiveStartKey: start,
      }),
    );
  }
  return reading.collector.histories();
}

/** Pages of a Scan or Query into the collector, reporting the items read. */
class Reading {
  readonly collector = new HistoryCollector();
  private read = 0;

  constructor(private readonly opts: HistoryReaderOptions) {}

  async pages(send: (start: Record<string, unknown> | undefined) => Promise<PlainPage>): Promise<void> {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await send(start);
      for (const item of page.Items) this.collector.add(item);
      this.read += page.ScannedCount ?? 0;
      this.opts.onProgress?.(this.read);
      start = page.LastEvaluatedKey;
    } while (start);
  }
}

class HistoryCollector {
  private readonly users = new Map<string, ReplayableHistory>();

  add(item: Record<string, unknown>): void {
    const key = { pk: String(item.pk), sk: String(item.sk) };
    const history = this.of(userIdOf(key.pk));
    if (isProfileSk(key.sk)) history.stored = { xp: Number(item.xp), coins: Number(item.coins) };
    else if (isEventKey(key)) history.steps.push(...eventStep(item));
    else if (isOutboxKey(key)) history.steps.push(...freezeUseSteps(item));
  }

  histories(): ReplayableHistory[] {
    return [...this.users.values()].filter((h) => h.steps.length > 0);
  }

  private of(userId: string): ReplayableHistory {
    let history = this.users.get(userId);
    if (!history) {
      history = { userId, steps: [] };
      this.users.set(userId, history);
    }
    return history;
  }
}

/**
 * The step an event item records. A backfill's grant is none: what it paid
 * follows from the activities under the rules that granted it, so a replay
 * under them derives it again (counting the grant too would pay it twice).
 */
function eventStep(item: Record<string, unknown>): HistoryStep[] {
  const { entry, profile } = outcomeFromEventRecord(item);
  if (isBackfillEventId(entry.eventId)) return [];
  const base = { at: entry.recordedAt, settings: { vipTier: profile.vipTier, timeZone: profile.timeZone } };
  const activity = appliedActivityOf(item);
  if (activity) return [{ ...base, kind: 'activity', activity }];
  if (entry.kind === 'purchase') {
    const freeze = entry.reason === FREEZE_PURCHASE_REASON;
    return [
      {
        ...base,
        kind: 'purchase',
        eventId: entry.eventId,
        reason: entry.reason,
        price: -entry.coins,
        freeze,
      },
    ];
  }
  const { eventId, userId, xp, coins, reason } = entry;
  return [{ ...base, kind: 'adjustment', adjustment: { eventId, userId, xp, coins, reason } }];
}

/** The explicit freezes an outbox item records (a scene's outbox item records none). */
function freezeUseSteps(item: Record<string, unknown>): HistoryStep[] {
  const { eventId, recordedAt, events } = outboxRecordEvents(item);
  return events
    .filter((e) => e.detailType === 'streak.frozen' && e.data.mode === 'explicit')
    .map((e) => ({ at: recordedAt, kind: 'freeze_use', eventId, streakType: String(e.data.streak_type) }));
}
