import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { batchGetConsistent, itemKeyId } from '../adapters/dynamo/batch-get';
import { eventKey, outboxKey } from '../adapters/dynamo/keys';
import type { EventPublisher } from '../ports';
import { type OutboxLog, publishOutbox } from './outbox-publisher';

/** One outcome by its user and event id: its event item, or a profile change's outbox item. */
export interface OutcomeRef {
  userId: string;
  eventId: string;
}

/** Which outcomes to publish again: named ones, or every one recorded in [since, until]. */
export type RepublishSelection = { refs: readonly OutcomeRef[] } | { since: string; until: string };

export interface RepublishDeps {
  doc: DynamoDBDocumentClient;
  tableName: string;
  publisher: EventPublisher;
  log: OutboxLog;
  /** parallel Scan segments for a time range */
  segments?: number;
}

export interface RepublishResult {
  /** the outcome items found, oldest first */
  items: Record<string, unknown>[];
  /** outcomes named but not in the table (never applied, or an outbox item past its retention) */
  missing: OutcomeRef[];
  /** true when a group could not be published (the log says which) */
  failed: boolean;
}

/**
 * Publishes the outbox of stored outcomes again, through the same code as
 * the PublishOutbox stream consumer (the contract checks, the groups of ten):
 * for a batch the consumer gave up, or events a bus rule missed. Idempotent
 * for consumers: an event's id is derived from its user, cause and position,
 * so a republished event has the id it had the first time.
 */
export async function republishOutbox(
  deps: RepublishDeps,
  selection: RepublishSelection,
  opts: { dryRun?: boolean } = {},
): Promise<RepublishResult> {
  const { items, missing } =
    'refs' in selection
      ? await byRef(deps, selection.refs)
      : { items: await inRange(deps, selection.since, selection.until), missing: [] };
  items.sort((a, b) => recordedAt(a).localeCompare(recordedAt(b)));
  if (opts.dryRun || items.length === 0) return { items, missing, failed: false };
  const { batchItemFailures } = await publishOutbox(items.map(asStreamRecord), deps.publisher, deps.log);
  return { items, missing, failed: batchItemFailures.length > 0 };
}

/** Each named outcome's event item or outbox item, in batched reads of both keys. */
async function byRef(deps: RepublishDeps, refs: readonly OutcomeRef[]) {
  const keysOf = (ref: OutcomeRef) => [eventKey(ref.userId, ref.eventId), outboxKey(ref.userId, ref.eventId)];
  const found = await batchGetConsistent(deps.doc, deps.tableName, refs.flatMap(keysOf));
  const items: Record<string, unknown>[] = [];
  const missing: OutcomeRef[] = [];
  for (const ref of refs) {
    const item = keysOf(ref)
      .map((key) => found.get(itemKeyId(key)))
      .find((stored) => stored !== undefined);
    if (item) items.push(item);
    else missing.push(ref);
  }
  return { items, missing };
}

/** Event items by their ledger instant, outbox items by theirs; a Scan in parallel segments. */
async function inRange(
  deps: RepublishDeps,
  since: string,
  until: string,
): Promise<Record<string, unknown>[]> {
  const segments = deps.segments ?? 4;
  const pages = await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      const found: Record<string, unknown>[] = [];
      let start: ScanCommandOutput['LastEvaluatedKey'];
      do {
        const page = await deps.doc.send(
          new ScanCommand({
            TableName: deps.tableName,
            Segment: segment,
            TotalSegments: segments,
            FilterExpression:
              '(begins_with(sk, :event) AND ledger_sk BETWEEN :txFrom AND :txTo) OR ' +
              '(begins_with(sk, :outbox) AND occurred_at BETWEEN :from AND :to)',
            ExpressionAttributeValues: {
              ':event': 'EVENT#',
              ':outbox': 'OUTBOX#',
              ':txFrom': `TX#${since}`,
              // every event id sorts before '~' (ids are [A-Za-z0-9_.:-])
              ':txTo': `TX#${until}#~`,
              ':from': since,
              ':to': until,
            },
            ExclusiveStartKey: start,
          }),
        );
        found.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return found;
    }),
  );
  return pages.flat();
}

const recordedAt = (item: Record<string, unknown>): string =>
  String(item.ledger_sk ?? '').replace(/^TX#/, '') || String(item.occurred_at ?? '');

/** A stored item as the stream hands it to PublishOutbox: an INSERT with its new image. */
function asStreamRecord(item: Record<string, unknown>, index: number): DynamoDBRecord {
  const image = marshall(item, { removeUndefinedValues: true }) as Record<string, AttributeValue>;
  return {
    eventName: 'INSERT',
    eventID: `republish-${index}`,
    dynamodb: {
      Keys: { pk: { S: String(item.pk) }, sk: { S: String(item.sk) } },
      NewImage: image as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'],
      SequenceNumber: String(index),
    },
  };
}
