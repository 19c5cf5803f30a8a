/**
 * The functions fed by the table's stream: read by the CDK stateless stack
 * (one function and one event source mapping each, with these filters) and
 * by the local runtime (which polls DynamoDB Local's stream and hands each
 * consumer the same Lambda-shaped batches, after the same filter). Add a
 * consumer here and both pick it up.
 */

import { streamSortKeys, UNLOCKS_ATTRIBUTE } from '../adapters/dynamo/keys';
import type { TableAccess } from '../table-access';

export type StreamEventName = 'INSERT' | 'MODIFY' | 'REMOVE';

/** These event names, on items whose sort key matches, whose new image has these attributes. */
export interface StreamFilter {
  events: readonly StreamEventName[];
  /** sort keys equal to one of these... */
  sortKeys: readonly string[];
  /** ...or starting with one of these */
  sortKeyPrefixes: readonly string[];
  /** attributes the new image must have, by name and DynamoDB type (absent: any image, or none) */
  newImageHas?: Readonly<Record<string, 'N' | 'S'>>;
}

export interface StreamConsumerDefinition {
  /** stable name: the function's logical id */
  id: string;
  /** handler module relative to the repository root; it exports `handler` */
  entry: string;
  description: string;
  /** what it may do with the table (CDK grants exactly this) */
  table: TableAccess;
  /** the records it is invoked for: those that pass any of these (Lambda's filter criteria, up to 5) */
  filters: readonly StreamFilter[];
  /** the most a batch holds, and the longest Lambda waits to fill one */
  batchSize: number;
  batchWindowSeconds: number;
  /**
   * How a failed batch is retried: `from-failed-record` (the handler reports
   * the first record it could not handle; Lambda also splits a failing
   * batch), `split` (Lambda retries a failing batch in halves, down to the
   * record that fails: for handlers whose writes are idempotent per record)
   * or `whole-batch` (the same records again: for handlers idempotent per
   * batch only, whose retries must carry the very same records).
   */
  retry: 'from-failed-record' | 'split' | 'whole-batch';
  /** puts events on the bus (PutEvents, EVENT_BUS_NAME) */
  publishesEvents: boolean;
  /**
   * The function's timeout: a full batch, retries of its writes included,
   * with room to spare (the HTTP functions' 10 s would cut a full batch off
   * and retry it forever).
   */
  timeoutSeconds: number;
}

export const tableStreamConsumers: readonly StreamConsumerDefinition[] = [
  {
    id: 'CountUnlocks',
    entry: 'functions/stream/count-unlocks.ts',
    description: 'Counts profiles and first unlocks for the rarity % of GET /v1/achievements',
    table: 'write-stats',
    filters: [
      // users: profiles created and deleted
      { events: ['INSERT', 'REMOVE'], sortKeys: [streamSortKeys.profile], sortKeyPrefixes: [] },
      // unlocks: the event items of outcomes that unlocked something (they carry the count)
      {
        events: ['INSERT'],
        sortKeys: [],
        sortKeyPrefixes: [streamSortKeys.eventPrefix],
        newImageHas: { [UNLOCKS_ATTRIBUTE]: 'N' },
      },
    ],
    batchSize: 1000,
    batchWindowSeconds: 5,
    retry: 'whole-batch',
    publishesEvents: false,
    // one transaction of at most ~100 counter updates per batch
    timeoutSeconds: 60,
  },
  {
    id: 'PublishOutbox',
    entry: 'functions/stream/publish-outbox.ts',
    description: "Publishes committed outcomes' events to the bus (the transactional outbox)",
    table: 'none',
    filters: [
      {
        events: ['INSERT'],
        sortKeys: [],
        sortKeyPrefixes: [streamSortKeys.eventPrefix, streamSortKeys.outboxPrefix],
      },
    ],
    batchSize: 100,
    // Users wait for these (realtime pushes): no batching window.
    batchWindowSeconds: 0,
    retry: 'from-failed-record',
    publishesEvents: true,
    // 100 records: up to 10 PutEvents calls of 10 entries, each retried with backoff
    timeoutSeconds: 60,
  },
  {
    id: 'ProjectLeaderboards',
    entry: 'functions/stream/project-leaderboards.ts',
    description: 'Projects profile writes onto the leaderboards (score items, bucket counts, top-10 changes)',
    // Score items in users' partitions, the boards' counters, and the index for the top 10.
    table: 'read-write',
    filters: [{ events: ['INSERT', 'MODIFY'], sortKeys: [streamSortKeys.profile], sortKeyPrefixes: [] }],
    // Up to a second of batching: ranks trail the profile by about that (README: Leaderboards).
    batchSize: 500,
    batchWindowSeconds: 1,
    // The projection compares with what is stored, so any records again change nothing: a
    // failing batch may be split until the record that fails is alone (and then given up).
    retry: 'split',
    publishesEvents: true,
    // 500 profiles: a few board writes each, in transactions of at most 12 items, one at a time
    timeoutSeconds: 300,
  },
];

/** Whether a stream record passes any of a consumer's filters (what Lambda's filter criteria do on AWS). */
export function passesStreamFilter(
  filters: readonly StreamFilter[],
  record: {
    eventName?: string;
    dynamodb?: { Keys?: Record<string, { S?: string }>; NewImage?: Record<string, unknown> };
  },
): boolean {
  const sk = record.dynamodb?.Keys?.sk?.S;
  if (sk === undefined) return false;
  return filters.some(
    (filter) =>
      filter.events.includes(record.eventName as StreamEventName) &&
      (filter.sortKeys.includes(sk) || filter.sortKeyPrefixes.some((prefix) => sk.startsWith(prefix))) &&
      Object.entries(filter.newImageHas ?? {}).every(
        ([name, type]) =>
          (record.dynamodb?.NewImage?.[name] as Record<string, unknown> | undefined)?.[type] !== undefined,
      ),
  );
}
