import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { contractFor, isOutboundDetailType } from '../../../events/catalog';
import type { Envelope } from '../../../events/envelope';
import { outboxEnvelopes } from './event-record';
import { outboxRecordEnvelopes } from './outbox-record';

export interface OutboxReading {
  envelopes: Envelope[];
  /** events that broke their contract: published never, reported always */
  rejected: { id: string; type: string; problem: string }[];
}

/**
 * The events a stream record carries for the bus: an INSERT of an event item
 * (EVENT#) or of a profile change's outbox item (OUTBOX#), read from its new
 * image, each checked against its versioned contract. Anything else carries
 * none. An event that fails its contract is a bug upstream: it is set aside
 * (and logged by the caller) rather than blocking the events behind it.
 */
export function readOutbox(record: DynamoDBRecord): OutboxReading {
  const sk = record.dynamodb?.Keys?.sk?.S ?? '';
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return { envelopes: [], rejected: [] };
  const item = unmarshall(image as Record<string, AttributeValue>);
  const all = sk.startsWith('EVENT#')
    ? outboxEnvelopes(item)
    : sk.startsWith('OUTBOX#')
      ? outboxRecordEnvelopes(item)
      : [];
  const reading: OutboxReading = { envelopes: [], rejected: [] };
  for (const envelope of all) {
    const { type, id } = envelope.metadata;
    const checked = isOutboundDetailType(type) ? contractFor(type).schema.safeParse(envelope.data) : null;
    if (checked?.success) reading.envelopes.push(envelope);
    else
      reading.rejected.push({
        id,
        type,
        problem: checked ? checked.error.message : 'no contract for this type',
      });
  }
  return reading;
}
