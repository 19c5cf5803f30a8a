import type { ItemKey } from './keys';

/**
 * Webhook items: every endpoint in one partition (a product has a handful),
 * each endpoint's delivery log in its own, sorted by when it was created.
 */
export const WEBHOOKS_PK = 'WEBHOOKS';
const ENDPOINT = 'ENDPOINT#';
const DELIVERY = 'DELIVERY#';

export const webhookEndpointKey = (id: string): ItemKey => ({ pk: WEBHOOKS_PK, sk: `${ENDPOINT}${id}` });
export const webhookEndpointPrefix = ENDPOINT;

export const webhookDeliveryPk = (endpointId: string): string => `WEBHOOK#${endpointId}`;
export const webhookDeliveryKey = (endpointId: string, deliveryId: string): ItemKey => ({
  pk: webhookDeliveryPk(endpointId),
  sk: `${DELIVERY}${deliveryId}`,
});
export const webhookDeliveryPrefix = DELIVERY;

/** Delivery logs are kept 30 days. */
export const DELIVERY_RETENTION_SECONDS = 30 * 24 * 60 * 60;
