/** A product's webhook endpoint, as the domain sees it. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  /** the detail types it wants (`level.up`, ...), or ["*"] for every event */
  eventTypes: string[];
  /** newest first; an older one stays valid until `validUntil` (a rotation's grace) */
  secrets: { secret: string; validUntil?: string }[];
  status: 'active' | 'disabled';
  /** since when every delivery has failed; absent while the last one succeeded */
  failingSince?: string;
  createdAt: string;
}

export const ALL_EVENTS = '*';

export function wants(endpoint: WebhookEndpoint, detailType: string): boolean {
  return (
    endpoint.status === 'active' &&
    (endpoint.eventTypes.includes(ALL_EVENTS) || endpoint.eventTypes.includes(detailType))
  );
}

/** The secrets to sign with at `now`: the newest, and an older one still in its grace. */
export function signingSecrets(endpoint: WebhookEndpoint, now: Date): string[] {
  return endpoint.secrets
    .filter((s) => s.validUntil === undefined || Date.parse(s.validUntil) > now.getTime())
    .map((s) => s.secret);
}

/** An endpoint failing for this long is disabled, and its owner alerted. */
export const DISABLE_AFTER_FAILING_SECONDS = 24 * 60 * 60;

export function shouldDisable(endpoint: WebhookEndpoint, now: Date): boolean {
  if (endpoint.failingSince === undefined) return false;
  return (now.getTime() - Date.parse(endpoint.failingSince)) / 1000 >= DISABLE_AFTER_FAILING_SECONDS;
}
