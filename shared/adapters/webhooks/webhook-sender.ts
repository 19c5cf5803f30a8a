import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { SIGNATURE_HEADER, signatureOf } from '../../domain/webhooks/signature';
import type { WebhookPost, WebhookSender, WebhookSent } from '../../ports/webhooks';
import { type EndpointPolicy, guardedLookup, isForbiddenAddress } from './address-guard';

/** A receiver has this long to answer; then the attempt failed (and is retried). */
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Posts a webhook: the JSON body signed with the endpoint's secrets, the
 * event id as the idempotency key, over a socket whose address the policy
 * checked at connection time. Any 2xx is delivered; anything else, a
 * timeout or a refused address is a failed attempt with its reason.
 */
export class HttpWebhookSender implements WebhookSender {
  constructor(
    private readonly policy: EndpointPolicy,
    private readonly timeoutMs = DELIVERY_TIMEOUT_MS,
  ) {}

  post(post: WebhookPost): Promise<WebhookSent> {
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    const url = new URL(post.url);
    // An address in the URL itself is connected to without a lookup: check it here.
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (!this.policy.allowPrivateAddresses && isIP(literal) && isForbiddenAddress(literal)) {
      return Promise.resolve({ ok: false, latencyMs: 0, error: `${literal} is a forbidden address` });
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const req = send(
        url,
        {
          method: 'POST',
          lookup: guardedLookup(this.policy) as never,
          signal: AbortSignal.timeout(this.timeoutMs),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Questline-Webhooks/1',
            [SIGNATURE_HEADER]: signatureOf(post.body, post.secrets, post.at),
            'idempotency-key': post.eventId,
            'questline-event-type': post.detailType,
          },
        },
        (res) => {
          // the answer's body is not read, only drained: a receiver cannot make us hold it
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            const ok = status >= 200 && status < 300;
            resolve({ ok, status, latencyMs: latency(), ...(!ok && { error: `answered ${status}` }) });
          });
        },
      );
      req.on('error', (error) => {
        const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError';
        const reason = timedOut ? `no answer within ${this.timeoutMs / 1000} s` : error.message;
        resolve({ ok: false, latencyMs: latency(), error: reason });
      });
      req.end(post.body);
    });
  }
}
