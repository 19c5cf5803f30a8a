import { httpHandler } from '../../../../shared/http/http-handler';
import { json } from '../../../../shared/http/responses';
import { listWebhooksRoute } from '../../../../shared/http/routes/webhooks';
import { presentWebhook } from '../../../../shared/http/webhook-presenters';
import { webhookAdmin } from '../../../../shared/webhook-wiring';

/** GET /v1/internal/webhooks: every endpoint, without secrets. */
export const handler = httpHandler(listWebhooksRoute, async () =>
  json(200, { webhooks: (await webhookAdmin().list()).map(presentWebhook) }),
);
