import type { Envelope } from '../../events/envelope';
import { type EventPublisher, type OutboxRecord, PublishFailedError } from '../ports/events';
import type { BusinessMetrics, OperationsLog } from '../ports/operations';

/** PutEvents sends 10 at a time: records are grouped until they carry about that many. */
const GROUP_SIZE = 10;

export interface OutboxLog {
  published(count: number): void;
  rejected(record: OutboxRecord): void;
  failed(record: OutboxRecord, error: unknown): void;
}

/** The OutboxLog of the stream consumer: business metrics and log lines for operators. */
export function outboxOperationsLog(metrics: BusinessMetrics, log: OperationsLog): OutboxLog {
  return {
    published: (count) => metrics.count('EventsPublished', count),
    rejected: (record) => {
      metrics.count('EventsDropped', record.rejected.length);
      log.error('outbox events broke their contract and were not published', {
        key: record.key,
        rejected: record.rejected,
      });
    },
    failed: (record, error) => {
      if (error instanceof PublishFailedError) metrics.count('EventsRefused', error.failures.length);
      log.error('publishing the outbox failed; the batch is retried from this record', {
        key: record.key,
        sequenceNumber: record.position,
        error,
      });
    },
  };
}

/**
 * The ids of events this process published lately, so that the retry of a
 * partly published group sends again only what failed. Lambda retries a
 * stream batch on the same shard right away, nearly always in the same
 * warm instance; another instance (or a republish) sends a repeat, which
 * consumers recognise by its `metadata.id`.
 */
export class RecentlyPublished {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity = 10_000) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.add(id);
    // a Set iterates in insertion order: the first is the oldest
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value as string);
  }
}

interface GroupEntry {
  record: OutboxRecord;
  envelopes: Envelope[];
}

/** Where the retry must start (the first record not wholly published), or null when all went out. */
export interface OutboxPublished {
  retryFrom: OutboxRecord | null;
}

/**
 * Publishes the outbox events of a batch of stream records, in stream order.
 * When a group fails, the batch stops there and reports the first record
 * with an event that was not published: Lambda retries from it, so what came
 * before is not sent again, and in the retry the events this process did
 * publish are skipped (RecentlyPublished).
 */
export async function publishOutbox(
  records: readonly OutboxRecord[],
  publisher: EventPublisher,
  log: OutboxLog,
  recent: RecentlyPublished = new RecentlyPublished(),
): Promise<OutboxPublished> {
  let group: GroupEntry[] = [];
  let size = 0;
  const flush = async (): Promise<OutboxPublished | null> => {
    const envelopes = group.flatMap((entry) => entry.envelopes);
    if (envelopes.length === 0) return null;
    try {
      await publisher.publish(envelopes);
      log.published(envelopes.length);
      for (const envelope of envelopes) recent.add(envelope.metadata.id);
    } catch (error) {
      const failedFrom = firstUnpublished(group, error, recent);
      log.failed(failedFrom, error);
      return { retryFrom: failedFrom };
    }
    group = [];
    size = 0;
    return null;
  };
  for (const record of records) {
    if (record.rejected.length > 0) log.rejected(record);
    const unsent = record.envelopes.filter((envelope) => !recent.has(envelope.metadata.id));
    if (unsent.length === 0) continue;
    group.push({ record, envelopes: unsent });
    size += unsent.length;
    if (size >= GROUP_SIZE) {
      const failed = await flush();
      if (failed) return failed;
    }
  }
  return (await flush()) ?? { retryFrom: null };
}

/**
 * After a failed publish: the events EventBridge accepted are remembered,
 * and the retry starts at the first record holding one it refused. Any other
 * error says nothing of what went out: the whole group is retried.
 */
function firstUnpublished(group: readonly GroupEntry[], error: unknown, recent: RecentlyPublished) {
  const start = (group[0] as GroupEntry).record;
  if (!(error instanceof PublishFailedError)) return start;
  const refused = new Set(error.failures.map((failure) => failure.id));
  let first: OutboxRecord | undefined;
  for (const { record, envelopes } of group) {
    for (const envelope of envelopes) {
      if (refused.has(envelope.metadata.id)) first ??= record;
      else recent.add(envelope.metadata.id);
    }
  }
  return first ?? start;
}
