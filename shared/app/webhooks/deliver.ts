import { deliveryIdOf } from '../../domain/webhooks/delivery-id';
import { shouldDisable, signingSecrets, type WebhookEndpoint, wants } from '../../domain/webhooks/endpoint';
import { retryDelaySeconds } from '../../domain/webhooks/retry-schedule';
import type { DeliveryRecord, DeliveryRef } from '../../ports/webhooks';
import type { WebhookDeps } from './deps';

/** An event as the bus carried it: its envelope, posted as is. */
export interface OutboundEvent {
  eventId: string;
  detailType: string;
  /** when it happened (its envelope's occurred_at): with the id, the delivery's stable id */
  occurredAt: string;
  body: string;
}

/**
 * Webhook deliveries: each event to every active endpoint that wants it,
 * one delivery record per (endpoint, event), so a redelivered bus message
 * posts nothing twice; failed attempts retried on the schedule for a day,
 * then dead-lettered; an endpoint failing for a day disabled.
 */
export function makeWebhookDelivery(deps: WebhookDeps) {
  /**
   * `endpoints`: as listed for the whole batch (one read, not one per event);
   * read here when not given. The first attempt posts to the endpoint as
   * listed; later ones read it again (it may be disabled or gone by then).
   */
  async function fanOut(event: OutboundEvent, listed?: readonly WebhookEndpoint[]): Promise<number> {
    const endpoints = (listed ?? (await deps.store.listEndpoints())).filter((e) =>
      wants(e, event.detailType),
    );
    const now = deps.clock.now();
    // each endpoint on its own: a slow one (10 s at most) does not hold the others back
    const started = await Promise.all(
      endpoints.map(async (endpoint) => {
        const delivery: DeliveryRecord = {
          endpointId: endpoint.id,
          // the same for a redelivered bus message, so its create-only write finds the first
          deliveryId: deliveryIdOf(new Date(event.occurredAt), event.eventId),
          eventId: event.eventId,
          detailType: event.detailType,
          body: event.body,
          status: 'pending',
          attempts: 0,
          createdAt: now.toISOString(),
        };
        if (!(await deps.store.createDelivery(delivery))) return 0;
        await attempt(delivery, { retry: true }, endpoint);
        return 1;
      }),
    );
    return started.reduce((sum: number, n) => sum + n, 0);
  }

  /** One attempt of a delivery; `retry`: schedule the next on failure (the queue's path), else leave it (a redelivery). */
  async function attempt(
    delivery: DeliveryRecord,
    opts: { retry: boolean },
    known?: WebhookEndpoint,
  ): Promise<DeliveryRecord> {
    const now = deps.clock.now();
    const endpoint = known ?? (await deps.store.getEndpoint(delivery.endpointId));
    if (endpoint?.status !== 'active') {
      const failed = {
        ...delivery,
        status: 'failed' as const,
        lastError: endpoint ? 'endpoint disabled' : 'endpoint deleted',
      };
      await deps.store.saveDelivery(failed);
      return failed;
    }
    const sent = await deps.sender.post({
      url: endpoint.url,
      body: delivery.body,
      eventId: delivery.eventId,
      detailType: delivery.detailType,
      secrets: signingSecrets(endpoint, now),
      at: now,
    });
    const tried: DeliveryRecord = {
      ...delivery,
      attempts: delivery.attempts + 1,
      lastAttemptAt: now.toISOString(),
      latencyMs: sent.latencyMs,
      ...(sent.status !== undefined && { lastStatus: sent.status }),
      ...(sent.error !== undefined && { lastError: sent.error }),
    };
    if (sent.ok) {
      const { lastError: _cleared, ...delivered } = tried;
      await deps.store.saveDelivery({ ...delivered, status: 'delivered' });
      // a write only when it was failing: most deliveries succeed, and cost no endpoint write
      if (endpoint.failingSince !== undefined) await deps.store.markSucceeded(endpoint.id);
      deps.metrics?.count('WebhooksDelivered');
      return { ...delivered, status: 'delivered' };
    }
    deps.metrics?.count('WebhookAttemptsFailed');
    await disableIfFailingForADay(endpoint.id, now);
    const ref: DeliveryRef = { endpointId: delivery.endpointId, deliveryId: delivery.deliveryId };
    const delay = opts.retry ? retryDelaySeconds(tried.attempts, new Date(delivery.createdAt), now) : null;
    const next: DeliveryRecord = { ...tried, status: opts.retry && delay !== null ? 'retrying' : 'failed' };
    await deps.store.saveDelivery(next);
    if (opts.retry && deps.scheduler) {
      if (delay === null) await deps.scheduler.deadLetter(ref, next.lastError ?? 'failed');
      else await deps.scheduler.schedule(ref, delay);
    }
    return next;
  }

  async function disableIfFailingForADay(endpointId: string, now: Date): Promise<void> {
    const failing = await deps.store.markFailing(endpointId, now);
    if (!failing || !shouldDisable(failing, now) || failing.failingSince === undefined) return;
    if (await deps.store.disable(endpointId, failing.failingSince))
      deps.metrics?.count('WebhookEndpointsDisabled');
  }

  /** The queue's retry message: the delivery's next attempt, unless it is already settled. */
  async function retry(ref: DeliveryRef): Promise<void> {
    const delivery = await deps.store.getDelivery(ref.endpointId, ref.deliveryId);
    if (!delivery || delivery.status === 'delivered' || delivery.status === 'failed') return;
    await attempt(delivery, { retry: true });
  }

  return { fanOut, attempt, retry };
}
