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
