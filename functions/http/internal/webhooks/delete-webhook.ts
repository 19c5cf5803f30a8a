import { httpHandler } from '../../../../shared/http/http-handler';
import { json } from '../../../../shared/http/responses';
import { deleteWebhookRoute } from '../../../../shared/http/routes/webhooks';
import { webhookAdmin } from '../../../../shared/webhook-wiring';

/** DELETE /v1/internal/webhooks/{id}: gone, nothing more is sent to it; 404 for an unknown id. */
export const handler = httpHandler(deleteWebhookRoute, async ({ path }) => {
  await webhookAdmin().remove(path.id);
  return json(200, { id: path.id, deleted: true });
});
