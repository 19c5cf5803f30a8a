import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { OutcomeRef, StoredOutboxRecord, StoredOutcomes } from '../../ports/events';
import { batchGetConsistent, itemKeyId } from './batch-get';
import { eventKey, ledgerInstantOf, ledgerPrefix, outboxKey, streamSortKeys } from './keys';
import { outboxRecordOfItem } from './outbox-stream';
import { type PlainPage, scanPage } from './plain-commands';

/**
 * Stored outcomes read back for their events: an outcome is its event item
 * (EVENT#), or a profile change's outbox item (OUTBOX#) while it is kept.
 * Named ones in batched consistent reads of both keys; a time range in a
 * Scan of parallel segments.
 */
export class DynamoStoredOutcomes implements StoredOutcomes {
  constructor(private readonly deps: { client: DynamoDBClient; tableName: string; segments?: number }) {}

  async named(refs: readonly OutcomeRef[]) {
    const keysOf = (ref: OutcomeRef) => [
      eventKey(ref.userId, ref.eventId),
      outboxKey(ref.userId, ref.eventId),
    ];
    const found = await batchGetConsistent(this.deps.client, this.deps.tableName, refs.flatMap(keysOf));
    const records: StoredOutboxRecord[] = [];
    const missing: OutcomeRef[] = [];
    for (const ref of refs) {
      const item = keysOf(ref)
        .map((key) => found.get(itemKeyId(key)))
        .find((stored) => stored !== undefined);
      if (item) records.push(storedRecordOf(item, records.length));
      else missing.push(ref);
    }
    return { records, missing };
  }

  /** Event items by their ledger instant, outbox items by theirs. */
  async recordedBetween(since: string, until: string): Promise<StoredOutboxRecord[]> {
    const segments = this.deps.segments ?? 4;
    const pages = await Promise.all(
      Array.from({ length: segments }, async (_, segment) => {
        const found: Record<string, unknown>[] = [];
        let start: PlainPage['LastEvaluatedKey'];
        do {
          const page = await scanPage(this.deps.client, {
            TableName: this.deps.tableName,
            Segment: segment,
            TotalSegments: segments,
            FilterExpression:
              '(begins_with(sk, :event) AND ledger_sk BETWEEN :txFrom AND :txTo) OR ' +
              '(begins_with(sk, :outbox) AND occurred_at BETWEEN :from AND :to)',
            ExpressionAttributeValues: {
              ':event': streamSortKeys.eventPrefix,
              ':outbox': streamSortKeys.outboxPrefix,
              ':txFrom': `${ledgerPrefix}${since}`,
              // every event id sorts before '~' (ids are [A-Za-z0-9_.:-], user keys me:...)
              ':txTo': `${ledgerPrefix}${until}#~`,
              ':from': since,
              ':to': until,
            },
            ExclusiveStartKey: start,
          });
          found.push(...page.Items);
          start = page.LastEvaluatedKey;
        } while (start);
        return found;
      }),
    );
    return pages.flat().map(storedRecordOf);
  }
}

function storedRecordOf(item: Record<string, unknown>, index: number): StoredOutboxRecord {
  const recordedAt = ledgerInstantOf(item.ledger_sk) || String(item.occurred_at ?? '');
  return { ...outboxRecordOfItem(item, String(index)), recordedAt };
}
