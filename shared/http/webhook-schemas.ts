import * as z from 'zod';
import { outboundContracts } from '../../events/catalog';
import { ALL_EVENTS } from '../domain/webhooks/endpoint';

/** The webhook routes' requests and answers (snake_case, as the rest of the API). */

const eventType = z.enum([ALL_EVENTS, ...Object.keys(outboundContracts)] as [string, ...string[]], {
  error: `an event type Questline publishes (${Object.keys(outboundContracts).join(', ')}), or "*" for all`,
});

export const createWebhookBodySchema = z
  .object({
    url: z.string().min(1).max(2048).describe('where to POST: https on AWS; any http(s) URL locally'),
    event_types: z.array(eventType).min(1).max(50).describe('the event types to receive, or ["*"]'),
  })
  .strict();

export const rotateWebhookBodySchema = z
  .object({
    grace_hours: z
      .number()
      .int()
      .min(0)
      .max(168)
      .default(24)
      .describe('how long the old secret keeps verifying (both sign meanwhile)'),
  })
  .strict();

export const webhookPathSchema = z.object({
  id: z.string().regex(/^wh_[A-Za-z0-9_-]{16}$/, 'a webhook id (wh_ and 16 characters)'),
});

export const deliveryPathSchema = webhookPathSchema.extend({
  delivery_id: z.string().regex(/^\d{13}\.[A-Za-z0-9_.:-]{1,256}$/, 'a delivery id from the delivery log'),
});

export const deliveriesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const webhookResponseSchema = z.object({
  id: z.string(),
  url: z.string(),
  event_types: z.array(z.string()),
  status: z.enum(['active', 'disabled']),
  failing_since: z
    .string()
    .nullable()
    .describe('every delivery has failed since then; null while they succeed'),
  created_at: z.string(),
});

export const createdWebhookResponseSchema = webhookResponseSchema.extend({
  secret: z.string().describe('shown this once: verify the Questline-Signature header with it'),
});

export const webhooksResponseSchema = z.object({ webhooks: z.array(webhookResponseSchema) });

export const deletedWebhookResponseSchema = z.object({ id: z.string(), deleted: z.literal(true) });

export const rotatedWebhookResponseSchema = z.object({
  id: z.string(),
  secret: z.string().describe('the new secret, shown this once'),
  previous_valid_until: z.string().nullable(),
});

export const deliveryResponseSchema = z.object({
  delivery_id: z.string(),
  event_id: z.string(),
  event_type: z.string(),
  status: z.enum(['pending', 'retrying', 'delivered', 'failed']),
  attempts: z.number().int(),
  created_at: z.string(),
  last_attempt_at: z.string().nullable(),
  last_status: z.number().int().nullable(),
  last_error: z.string().nullable(),
  latency_ms: z.number().nullable(),
});

export const deliveriesResponseSchema = z.object({ deliveries: z.array(deliveryResponseSchema) });
