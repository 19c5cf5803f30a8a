import { httpHandler } from '../../../../shared/http/http-handler';
import { json } from '../../../../shared/http/responses';
import { redeliverWebhookRoute } from '../../../../shared/http/routes/webhooks';
import { presentDelivery } from '../../../../shared/http/webhook-presenters';
import { webhookAdmin } from '../../../../shared/webhook-wiring';

/** POST /v1/internal/webhooks/{id}/deliveries/{delivery_id}/redeliver: one attempt now, answered with the delivery after it. */
export const handler = httpHandler(redeliverWebhookRoute, async ({ path }) =>
  json(200, presentDelivery(await webhookAdmin().redeliver(path.id, path.delivery_id))),
);
