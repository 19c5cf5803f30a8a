import { defineRoute } from '../define-route';
import {
  createdWebhookResponseSchema,
  createWebhookBodySchema,
  deletedWebhookResponseSchema,
  deliveriesQuerySchema,
  deliveriesResponseSchema,
  deliveryPathSchema,
  deliveryResponseSchema,
  rotatedWebhookResponseSchema,
  rotateWebhookBodySchema,
  webhookPathSchema,
  webhookResponseSchema,
  webhooksResponseSchema,
} from '../webhook-schemas';

/** Signed webhooks out, managed by the product's backend (SigV4). */

const internal = { auth: 'iam', table: 'read-write' } as const;

export const createWebhookRoute = defineRoute({
  ...internal,
  id: 'CreateWebhook',
  method: 'POST',
  path: '/v1/internal/webhooks',
  entry: 'functions/http/internal/webhooks/create-webhook.ts',
  summary: 'Register a webhook endpoint for some event types; its signing secret is shown once',
  request: { body: { name: 'CreateWebhookRequest', schema: createWebhookBodySchema } },
  responses: {
    201: {
      description: 'The endpoint, with its secret',
      schema: createdWebhookResponseSchema,
      name: 'CreatedWebhookResponse',
    },
  },
  errors: [],
});

export const listWebhooksRoute = defineRoute({
  ...internal,
  table: 'read',
  id: 'ListWebhooks',
  method: 'GET',
  path: '/v1/internal/webhooks',
  entry: 'functions/http/internal/webhooks/list-webhooks.ts',
  summary: 'The webhook endpoints, active or disabled (no secrets)',
  responses: {
    200: { description: 'The endpoints', schema: webhooksResponseSchema, name: 'WebhooksResponse' },
  },
  errors: [],
});

export const deleteWebhookRoute = defineRoute({
  ...internal,
  id: 'DeleteWebhook',
  method: 'DELETE',
  path: '/v1/internal/webhooks/{id}',
  entry: 'functions/http/internal/webhooks/delete-webhook.ts',
  summary: 'Remove a webhook endpoint: nothing more is sent to it',
  request: { path: webhookPathSchema },
  responses: {
    200: { description: 'Deleted', schema: deletedWebhookResponseSchema, name: 'DeletedWebhookResponse' },
  },
  errors: [404],
});

export const rotateWebhookSecretRoute = defineRoute({
  ...internal,
  id: 'RotateWebhookSecret',
  method: 'POST',
  path: '/v1/internal/webhooks/{id}/rotate',
  entry: 'functions/http/internal/webhooks/rotate-webhook-secret.ts',
  summary: 'A new signing secret (shown once); the old one keeps verifying for grace_hours',
  request: {
    path: webhookPathSchema,
    body: { name: 'RotateWebhookRequest', schema: rotateWebhookBodySchema, optional: true },
  },
  responses: {
    200: {
      description: 'The new secret',
      schema: rotatedWebhookResponseSchema,
      name: 'RotatedWebhookResponse',
    },
  },
  errors: [404],
});

export const enableWebhookRoute = defineRoute({
  ...internal,
  id: 'EnableWebhook',
  method: 'POST',
  path: '/v1/internal/webhooks/{id}/enable',
  entry: 'functions/http/internal/webhooks/enable-webhook.ts',
  summary: 'Make a disabled endpoint active again, its failures forgotten',
  request: { path: webhookPathSchema },
  responses: { 200: { description: 'The endpoint', schema: webhookResponseSchema, name: 'WebhookResponse' } },
  errors: [404],
});

export const listWebhookDeliveriesRoute = defineRoute({
  ...internal,
  table: 'read',
  id: 'ListWebhookDeliveries',
  method: 'GET',
  path: '/v1/internal/webhooks/{id}/deliveries',
  entry: 'functions/http/internal/webhooks/list-webhook-deliveries.ts',
  summary: "An endpoint's delivery log, newest first: status, attempts, latency, last error",
  request: { path: webhookPathSchema, query: deliveriesQuerySchema },
  responses: {
    200: {
      description: 'The deliveries',
      schema: deliveriesResponseSchema,
      name: 'WebhookDeliveriesResponse',
    },
  },
  errors: [404],
});

export const redeliverWebhookRoute = defineRoute({
  ...internal,
  id: 'RedeliverWebhook',
  method: 'POST',
  path: '/v1/internal/webhooks/{id}/deliveries/{delivery_id}/redeliver',
  entry: 'functions/http/internal/webhooks/redeliver-webhook.ts',
  summary: 'Post one delivery again now and answer how it went (a failure is not retried by itself)',
  // one post, which may take its full 10 s
  timeoutSeconds: 20,
  request: { path: deliveryPathSchema },
  responses: {
    200: {
      description: 'The delivery after the attempt',
      schema: deliveryResponseSchema,
      name: 'WebhookDelivery',
    },
  },
  errors: [404],
});
