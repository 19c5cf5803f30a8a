import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { DomainEvent } from '../shared/domain/types';

/**
 * Every event Questline publishes travels as `{ metadata, data }`: consumers
 * route on `metadata.type` and `metadata.version` without knowing `data`, and
 * `correlation_id` ties every event back to the activity (or adjustment) that
 * caused it.
 */

export const EVENT_SOURCE = 'questline';

export const metadataSchema = z
  .object({
    /** unique per published event; consumers de-duplicate on it */
    id: z.string().min(1).max(256),
    /** the EventBridge detail-type, e.g. points.awarded */
    type: z.string().regex(/^[a-z]+(\.[a-z_]+)+$/, 'a dotted detail type such as points.awarded'),
    version: z.number().int().min(1),
    source: z.literal(EVENT_SOURCE),
    occurred_at: z.iso.datetime({ offset: true }),
    /** the event id of the activity or adjustment that caused this event */
    correlation_id: z.string().min(1).max(128),
    user_id: z.string().min(1).max(128),
  })
  .strict();

export type EventMetadata = z.infer<typeof metadataSchema>;

export function envelopeSchema<T extends z.ZodType>(dataSchema: T) {
  return z.object({ metadata: metadataSchema, data: dataSchema }).strict();
}

export interface Envelope<D = Record<string, unknown>> {
  metadata: EventMetadata;
  data: D;
}

/**
 * The id of an outcome's event: derived, not random, so that a publisher
 * retrying the same outbox record publishes the same ids and consumers can
 * drop the repeat; and derived from the user too, because the cause's id
 * (an activity's event id, a purchase's Idempotency-Key) is unique only per
 * user: two users' `stickers-1` redemptions must not share an id. 32
 * characters of base64url SHA-256 (192 bits).
 */
export function outcomeEventId(userId: string, correlationId: string, index: number): string {
  return createHash('sha256')
    .update(`${userId}\n${correlationId}\n${index}`)
    .digest('base64url')
    .slice(0, 32);
}

/** Wraps one of an outcome's events (its id: outcomeEventId). */
export function toEnvelope(
  event: DomainEvent,
  meta: { version: number; correlationId: string; userId: string; occurredAt: string; index: number },
): Envelope {
  return {
    metadata: {
      id: outcomeEventId(meta.userId, meta.correlationId, meta.index),
      type: event.detailType,
      version: meta.version,
      source: EVENT_SOURCE,
      occurred_at: meta.occurredAt,
      correlation_id: meta.correlationId,
      user_id: meta.userId,
    },
    data: event.data,
  };
}
