import type { BusinessMetrics, Clock } from '../../ports/operations';
import type { AttemptScheduler, WebhookSender, WebhookStore } from '../../ports/webhooks';

/** What the webhook use cases are built from (shared/webhook-wiring.ts makes one). */
export interface WebhookDeps {
  store: WebhookStore;
  sender: WebhookSender;
  clock: Clock;
  /** why an endpoint URL may not be registered (scheme, SSRF), or null */
  checkUrl(url: string): Promise<string | null>;
  /** new ids and secrets: random, unguessable */
  newId(): string;
  newSecret(): string;
  /** where failed attempts wait; absent where nothing retries by itself (a redelivery) */
  scheduler?: AttemptScheduler;
  metrics?: BusinessMetrics;
}
