import { httpHandler } from '../../../../shared/http/http-handler';
import { json } from '../../../../shared/http/responses';
import { enableWebhookRoute } from '../../../../shared/http/routes/webhooks';
import { presentWebhook } from '../../../../shared/http/webhook-presenters';
import { webhookAdmin } from '../../../../shared/webhook-wiring';

/** POST /v1/internal/webhooks/{id}/enable: a disabled endpoint active again; 404 for an unknown id. */
export const handler = httpHandler(enableWebhookRoute, async ({ path }) =>
  json(200, presentWebhook(await webhookAdmin().enable(path.id))),
);
