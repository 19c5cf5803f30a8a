import { httpHandler } from '../../../../shared/http/http-handler';
import { json } from '../../../../shared/http/responses';
import { createWebhookRoute } from '../../../../shared/http/routes/webhooks';
import { presentWebhook } from '../../../../shared/http/webhook-presenters';
import { webhookAdmin } from '../../../../shared/webhook-wiring';

/** POST /v1/internal/webhooks: 201 with the endpoint and its secret, the only time it is shown; 400 for a URL the policy refuses. */
export const handler = httpHandler(createWebhookRoute, async ({ body }) => {
  const { endpoint, secret } = await webhookAdmin().register({ url: body.url, eventTypes: body.event_types });
  return json(201, { ...presentWebhook(endpoint), secret });
});
