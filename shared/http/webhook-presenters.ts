import type * as z from 'zod';
import type { WebhookEndpoint } from '../domain/webhooks/endpoint';
import type { DeliveryRecord } from '../ports/webhooks';
import type { deliveryResponseSchema, webhookResponseSchema } from './webhook-schemas';

/** Endpoints without their secrets (shown once, at creation and rotation), deliveries without their bodies. */

export function presentWebhook(endpoint: WebhookEndpoint): z.input<typeof webhookResponseSchema> {
  return {
    id: endpoint.id,
    url: endpoint.url,
    event_types: endpoint.eventTypes,
    status: endpoint.status,
    failing_since: endpoint.failingSince ?? null,
    created_at: endpoint.createdAt,
  };
}

export function presentDelivery(d: DeliveryRecord): z.input<typeof deliveryResponseSchema> {
  return {
    delivery_id: d.deliveryId,
    event_id: d.eventId,
    event_type: d.detailType,
    status: d.status,
    attempts: d.attempts,
    created_at: d.createdAt,
    last_attempt_at: d.lastAttemptAt ?? null,
    last_status: d.lastStatus ?? null,
    last_error: d.lastError ?? null,
    latency_ms: d.latencyMs ?? null,
  };
}
