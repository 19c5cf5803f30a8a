import { httpHandler } from '../../../../shared/http/http-handler';
import { json } from '../../../../shared/http/responses';
import { rotateWebhookSecretRoute } from '../../../../shared/http/routes/webhooks';
import { webhookAdmin } from '../../../../shared/webhook-wiring';

/** POST /v1/internal/webhooks/{id}/rotate: a new secret, shown once; the old one verifies for `grace_hours` more. */
export const handler = httpHandler(rotateWebhookSecretRoute, async ({ path, body }) => {
  const rotated = await webhookAdmin().rotate(path.id, body.grace_hours);
  return json(200, { id: path.id, secret: rotated.secret, previous_valid_until: rotated.previousValidUntil });
});
