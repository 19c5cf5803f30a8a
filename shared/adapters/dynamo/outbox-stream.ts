import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { contractFor, isOutboundDetailType } from '../../../events/catalog';
import type { OutboxRecord } from '../../ports/events';
import { outboxEnvelopes } from './event-record';
import { isEventKey, isOutboxKey } from './keys';
import { outboxRecordEnvelopes } from './outbox-record';

/**
 * The events a stream record carries for the bus: an INSERT of an event item
 * (EVENT#) or of a profile change's outbox item (OUTBOX#), read from its new
 * image, each checked against its versioned contract. Anything else carries
 * none.
 */
export function outboxRecordOf(record: DynamoDBRecord): OutboxRecord {
  const image = record.dynamodb?.NewImage;
  const position = record.dynamodb?.SequenceNumber ?? '';
  if (record.eventName !== 'INSERT' || !image) {
    const keys = record.dynamodb?.Keys;
    return { position, key: `${keys?.pk?.S ?? ''} ${keys?.sk?.S ?? ''}`, envelopes: [], rejected: [] };
  }
  return outboxRecordOfItem(unmarshall(image as Record<string, AttributeValue>), position);
}

/**
 * The events a stored outcome item carries for the bus. An event that fails
 * its contract is a bug upstream: it is set aside (and logged by the caller)
 * rather than blocking the events behind it.
 */
export function outboxRecordOfItem(item: Record<string, unknown>, position: string): OutboxRecord {
  const key = { pk: String(item.pk ?? ''), sk: String(item.sk ?? '') };
  const all = isEventKey(key) ? outboxEnvelopes(item) : isOutboxKey(key) ? outboxRecordEnvelopes(item) : [];
  const record: OutboxRecord = {
    position,
    key: `${key.pk} ${key.sk}`,
    envelopes: [],
    rejected: [],
  };
  for (const envelope of all) {
    const { type, id } = envelope.metadata;
    const checked = isOutboundDetailType(type) ? contractFor(type).schema.safeParse(envelope.data) : null;
    if (checked?.success) record.envelopes.push(envelope);
    else
      record.rejected.push({
        id,
        type,
        problem: checked ? checked.error.message : 'no contract for this type',
      });
  }
  return record;
}
