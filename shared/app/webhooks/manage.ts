import { NotFoundError, ValidationError } from '../../domain/errors';
import type { WebhookEndpoint } from '../../domain/webhooks/endpoint';
import type { DeliveryRecord } from '../../ports/webhooks';
import { makeWebhookDelivery } from './deliver';
import type { WebhookDeps } from './deps';

/** A rotated secret stays valid this long by default, so receivers can switch without losing a delivery. */
export const DEFAULT_ROTATION_GRACE_HOURS = 24;

/**
 * The operator's side of webhooks: register an endpoint (its secret shown
 * once), list, delete, rotate the secret (the old one valid for a grace),
 * read the delivery log and redeliver one delivery now.
 */
export function makeWebhookAdmin(deps: WebhookDeps) {
  const delivery = makeWebhookDelivery(deps);

  async function endpointOr404(id: string): Promise<WebhookEndpoint> {
    const endpoint = await deps.store.getEndpoint(id);
    if (!endpoint) throw new NotFoundError('webhook', id);
    return endpoint;
  }

  return {
    async register(input: { url: string; eventTypes: string[] }) {
      const problem = await deps.checkUrl(input.url);
      if (problem) throw new ValidationError([{ field: 'url', message: problem }]);
      const secret = deps.newSecret();
      const endpoint: WebhookEndpoint = {
        id: deps.newId(),
        url: input.url,
        eventTypes: [...new Set(input.eventTypes)],
        secrets: [{ secret }],
        status: 'active',
        createdAt: deps.clock.now().toISOString(),
      };
      if (!(await deps.store.createEndpoint(endpoint))) throw new Error(`webhook id ${endpoint.id} collided`);
      return { endpoint, secret };
    },

    list: () => deps.store.listEndpoints(),

    async remove(id: string): Promise<void> {
      if (!(await deps.store.deleteEndpoint(id))) throw new NotFoundError('webhook', id);
    },

    async rotate(id: string, graceHours = DEFAULT_ROTATION_GRACE_HOURS) {
      const endpoint = await endpointOr404(id);
      const now = deps.clock.now();
      const graceEnds = new Date(now.getTime() + graceHours * 3_600_000).toISOString();
      const [current] = endpoint.secrets;
      const secret = deps.newSecret();
      // the new secret, and the one it replaces for the grace; anything older goes now
      const secrets = [{ secret }, ...(current ? [{ secret: current.secret, validUntil: graceEnds }] : [])];
      if (!(await deps.store.saveSecrets(id, secrets))) throw new NotFoundError('webhook', id);
      return { secret, previousValidUntil: current ? graceEnds : null };
    },

    /** After its owner fixed it: active again (redeliver what it missed from the log). */
    async enable(id: string): Promise<WebhookEndpoint> {
      if (!(await deps.store.enable(id))) throw new NotFoundError('webhook', id);
      return endpointOr404(id);
    },

    async deliveries(id: string, limit: number): Promise<DeliveryRecord[]> {
      await endpointOr404(id);
      return deps.store.listDeliveries(id, limit);
    },

    /** One attempt now, answered; a failure is not retried by itself (redeliver again). */
    async redeliver(id: string, deliveryId: string): Promise<DeliveryRecord> {
      await endpointOr404(id);
      const found = await deps.store.getDelivery(id, deliveryId);
      if (!found) throw new NotFoundError('webhook_delivery', deliveryId);
      return delivery.attempt(found, { retry: false });
    },
  };
}
