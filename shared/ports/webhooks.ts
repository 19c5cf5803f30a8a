import type { WebhookEndpoint } from '../domain/webhooks/endpoint';

/** One signed POST of an event to an endpoint. */
export interface WebhookPost {
  url: string;
  body: string;
  eventId: string;
  detailType: string;
  /** the secrets in force: each signs the body (a rotation's grace keeps two) */
  secrets: string[];
  at: Date;
}

export interface WebhookSent {
  ok: boolean;
  /** the receiver's HTTP status, when it answered */
  status?: number;
  latencyMs: number;
  /** why it failed: a status, a timeout, a refused address */
  error?: string;
}

export interface WebhookSender {
  post(post: WebhookPost): Promise<WebhookSent>;
}

/** One event's delivery to one endpoint, as its log shows it. */
export interface DeliveryRecord {
  endpointId: string;
  /** `<ms since epoch>.<event id>`: sorts by creation, names the event */
  deliveryId: string;
  eventId: string;
  detailType: string;
  /** the envelope as posted (the body), kept for retries and redelivery */
  body: string;
  status: 'pending' | 'retrying' | 'delivered' | 'failed';
  attempts: number;
  createdAt: string;
  lastAttemptAt?: string;
  lastStatus?: number;
  lastError?: string;
  latencyMs?: number;
}

export interface WebhookStore {
  /** create-only: false when the id is taken */
  createEndpoint(endpoint: WebhookEndpoint): Promise<boolean>;
  listEndpoints(): Promise<WebhookEndpoint[]>;
  getEndpoint(id: string): Promise<WebhookEndpoint | null>;
  /** false when there was none */
  deleteEndpoint(id: string): Promise<boolean>;
  /** the secrets after a rotation; false when the endpoint is gone */
  saveSecrets(id: string, secrets: WebhookEndpoint['secrets']): Promise<boolean>;
  /** a failed delivery: failing since now, unless already failing; answers the endpoint after */
  markFailing(id: string, now: Date): Promise<WebhookEndpoint | null>;
  markSucceeded(id: string): Promise<void>;
  /** disables it only if still failing since `failingSince` (a success meanwhile keeps it) */
  disable(id: string, failingSince: string): Promise<boolean>;
  /** active again, its failures forgotten; false when the endpoint is gone */
  enable(id: string): Promise<boolean>;
  /** create-only: false when this event's delivery to this endpoint exists (a redelivered message) */
  createDelivery(delivery: DeliveryRecord): Promise<boolean>;
  saveDelivery(delivery: DeliveryRecord): Promise<void>;
  getDelivery(endpointId: string, deliveryId: string): Promise<DeliveryRecord | null>;
  /** newest first */
  listDeliveries(endpointId: string, limit: number): Promise<DeliveryRecord[]>;
}

/** The next attempt of a delivery, later; or, after the last, the dead-letter queue. */
export interface AttemptScheduler {
  schedule(ref: DeliveryRef, delaySeconds: number): Promise<void>;
  deadLetter(ref: DeliveryRef, reason: string): Promise<void>;
}

export interface DeliveryRef {
  endpointId: string;
  deliveryId: string;
}
