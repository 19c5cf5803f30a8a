import { httpHandler } from '../../../../shared/http/http-handler';
import { json } from '../../../../shared/http/responses';
import { listWebhookDeliveriesRoute } from '../../../../shared/http/routes/webhooks';
import { presentDelivery } from '../../../../shared/http/webhook-presenters';
import { webhookAdmin } from '../../../../shared/webhook-wiring';

/** GET /v1/internal/webhooks/{id}/deliveries?limit=: the delivery log, newest first (kept 30 days). */
export const handler = httpHandler(listWebhookDeliveriesRoute, async ({ path, query }) => {
  const deliveries = await webhookAdmin().deliveries(path.id, query.limit);
  return json(200, { deliveries: deliveries.map(presentDelivery) });
});
