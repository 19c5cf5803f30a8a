import * as z from 'zod';
import { contractFor } from '../../../events/catalog';
import { type Envelope, toEnvelope } from '../../../events/envelope';
import type { DomainEvent } from '../../domain/types';
import { parseItem } from './items';
import { jsonString } from './json-attribute';
import { type ItemKey, outboxKey, userIdOf } from './keys';
import { storedEventsSchema } from './lean-events';

/**
 * OUTBOX#<eventId>: the events of a profile change that moves no XP or coins
 * (an explicit streak freeze), written in the same transaction as the profile.
 * Events are stored whole (there is no ledger entry to derive them from). The
 * stream consumer publishes them; DynamoDB deletes the item after a week,
 * unless it is `kept`: an explicit freeze's item is the only record that the
 * user spent a freeze on a day, which a replay of their history needs
 * (shared/domain/replay/), so it stays, a few hundred bytes each.
 */

export const OUTBOX_RETENTION_SECONDS = 7 * 24 * 60 * 60;

const outboxRecordSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  event_id: z.string().min(1),
  occurred_at: z.string().min(1),
  events: jsonString(storedEventsSchema),
  expires_at: z.number().int().optional(),
});

export interface OutboxChange {
  userId: string;
  /** the request's id: the events' correlation id */
  eventId: string;
  recordedAt: string;
  events: readonly DomainEvent[];
  /** a record of history, never expired */
  kept?: boolean;
}

export function outboxRecordItem(change: OutboxChange): ItemKey & Record<string, unknown> {
  const stored = change.events.map((e) => [e.detailType, contractFor(e.detailType).version, e.data, 1]);
  return {
    ...outboxKey(change.userId, change.eventId),
    event_id: change.eventId,
    occurred_at: change.recordedAt,
    events: JSON.stringify(stored),
    ...(!change.kept && {
      expires_at: Math.floor(Date.parse(change.recordedAt) / 1000) + OUTBOX_RETENTION_SECONDS,
    }),
  };
}

/** What the outbox publishes for an OUTBOX# item (a stream NEW_IMAGE, unmarshalled). */
export function outboxRecordEnvelopes(item: Record<string, unknown>): Envelope[] {
  const record = parseItem(outboxRecordSchema, item);
  const userId = userIdOf(record.pk);
  return record.events.map(([detailType, version, data], index) =>
    toEnvelope(
      { detailType, data },
      { version, correlationId: record.event_id, userId, occurredAt: record.occurred_at, index },
    ),
  );
}

/** The events an OUTBOX# item records, as stored (detail type and data), with when it was written. */
export function outboxRecordEvents(item: Record<string, unknown>): {
  eventId: string;
  recordedAt: string;
  events: { detailType: string; data: Record<string, unknown> }[];
} {
  const record = parseItem(outboxRecordSchema, item);
  return {
    eventId: record.event_id,
    recordedAt: record.occurred_at,
    events: record.events.map(([detailType, , data]) => ({ detailType, data })),
  };
}
