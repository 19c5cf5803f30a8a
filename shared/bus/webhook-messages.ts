import * as z from 'zod';
import { metadataSchema } from '../../events/envelope';
import type { OutboundEvent } from '../app/webhooks/deliver';
import type { DeliveryRef } from '../ports/webhooks';

/**
 * What the webhook queue carries: the bus's events (EventBridge puts each
 * one, as a rule target, in the queue) and the later attempts the delivery
 * schedules for itself (SendMessage with a delay).
 */

export const attemptMessageSchema = z.object({
  kind: z.literal('webhook.attempt'),
  endpointId: z.string().min(1),
  deliveryId: z.string().min(1),
});

const busEventSchema = z.object({
  'detail-type': z.string().min(1),
  detail: z.object({ metadata: metadataSchema, data: z.record(z.string(), z.unknown()) }),
});

export type WebhookMessage = { kind: 'event'; event: OutboundEvent } | { kind: 'attempt'; ref: DeliveryRef };

export function attemptMessage(ref: DeliveryRef, extra: Record<string, string> = {}): string {
  return JSON.stringify({ kind: 'webhook.attempt', ...ref, ...extra });
}

/** A queue message as one of the two, or null for anything else (logged and dropped by the consumer). */
export function parseWebhookMessage(body: string): WebhookMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const attempt = attemptMessageSchema.safeParse(json);
  if (attempt.success) {
    return {
      kind: 'attempt',
      ref: { endpointId: attempt.data.endpointId, deliveryId: attempt.data.deliveryId },
    };
  }
  const bus = busEventSchema.safeParse(json);
  if (!bus.success) return null;
  const { metadata } = bus.data.detail;
  return {
    kind: 'event',
    event: {
      eventId: metadata.id,
      detailType: metadata.type,
      occurredAt: metadata.occurred_at,
      body: JSON.stringify(bus.data.detail),
    },
  };
}
