import * as z from 'zod';
import type { WebhookEndpoint } from '../../domain/webhooks/endpoint';
import type { DeliveryRecord } from '../../ports/webhooks';
import { parseItem } from './items';
import { jsonString } from './json-attribute';
import { DELIVERY_RETENTION_SECONDS, webhookDeliveryKey } from './webhook-keys';

/** The webhook items' attributes (snake_case, as every item of the table) and their domain shapes. */

const endpointSchema = z.object({
  id: z.string().min(1),
  url: z.string().min(1),
  event_types: z.array(z.string().min(1)),
  secrets: jsonString(z.array(z.object({ secret: z.string().min(1), validUntil: z.string().optional() }))),
  status: z.enum(['active', 'disabled']),
  failing_since: z.string().optional(),
  created_at: z.string().min(1),
});

const deliverySchema = z.object({
  endpoint_id: z.string().min(1),
  delivery_id: z.string().min(1),
  event_id: z.string().min(1),
  detail_type: z.string().min(1),
  body: z.string(),
  status: z.enum(['pending', 'retrying', 'delivered', 'failed']),
  attempts: z.number().int().min(0),
  created_at: z.string().min(1),
  last_attempt_at: z.string().optional(),
  last_status: z.number().int().optional(),
  last_error: z.string().optional(),
  latency_ms: z.number().optional(),
});

export function endpointItem(endpoint: WebhookEndpoint) {
  return {
    id: endpoint.id,
    url: endpoint.url,
    event_types: endpoint.eventTypes,
    secrets: JSON.stringify(endpoint.secrets),
    status: endpoint.status,
    ...(endpoint.failingSince !== undefined && { failing_since: endpoint.failingSince }),
    created_at: endpoint.createdAt,
  };
}

export function endpointOf(item: Record<string, unknown>): WebhookEndpoint {
  const e = parseItem(endpointSchema, item);
  return {
    id: e.id,
    url: e.url,
    eventTypes: e.event_types,
    secrets: e.secrets.map((s) => ({
      secret: s.secret,
      ...(s.validUntil !== undefined && { validUntil: s.validUntil }),
    })),
    status: e.status,
    ...(e.failing_since !== undefined && { failingSince: e.failing_since }),
    createdAt: e.created_at,
  };
}

export function deliveryItem(d: DeliveryRecord) {
  return {
    ...webhookDeliveryKey(d.endpointId, d.deliveryId),
    endpoint_id: d.endpointId,
    delivery_id: d.deliveryId,
    event_id: d.eventId,
    detail_type: d.detailType,
    body: d.body,
    status: d.status,
    attempts: d.attempts,
    created_at: d.createdAt,
    ...(d.lastAttemptAt !== undefined && { last_attempt_at: d.lastAttemptAt }),
    ...(d.lastStatus !== undefined && { last_status: d.lastStatus }),
    ...(d.lastError !== undefined && { last_error: d.lastError }),
    ...(d.latencyMs !== undefined && { latency_ms: d.latencyMs }),
    expires_at: Math.floor(Date.parse(d.createdAt) / 1000) + DELIVERY_RETENTION_SECONDS,
  };
}

export function deliveryOf(item: Record<string, unknown>): DeliveryRecord {
  const d = parseItem(deliverySchema, item);
  return {
    endpointId: d.endpoint_id,
    deliveryId: d.delivery_id,
    eventId: d.event_id,
    detailType: d.detail_type,
    body: d.body,
    status: d.status,
    attempts: d.attempts,
    createdAt: d.created_at,
    ...(d.last_attempt_at !== undefined && { lastAttemptAt: d.last_attempt_at }),
    ...(d.last_status !== undefined && { lastStatus: d.last_status }),
    ...(d.last_error !== undefined && { lastError: d.last_error }),
    ...(d.latency_ms !== undefined && { latencyMs: d.latency_ms }),
  };
}
