import { parseWebhookMessage } from '../../bus/webhook-messages';
import { forEachConcurrently } from '../../concurrency';
import type { OperationsLog } from '../../ports/operations';
import { makeWebhookDelivery } from './deliver';
import type { WebhookDeps } from './deps';

/** Messages of a batch handled at once: each waits on receivers (10 s at most), not on CPU. */
const CONCURRENCY = 10;

/**
 * One batch of the webhook queue: bus events fanned out to their endpoints,
 * scheduled attempts tried again. Answers the ids of the messages to receive
 * again (a store or queue error); a message that is neither is logged and
 * dropped, as a redelivery could not make it readable.
 */
export function makeWebhookBatch(deps: WebhookDeps & { log: OperationsLog }) {
  const delivery = makeWebhookDelivery(deps);
  return async (records: readonly { messageId: string; body: string }[]): Promise<string[]> => {
    const failed: string[] = [];
    const messages = records.map(({ messageId, body }) => ({
      messageId,
      message: parseWebhookMessage(body),
    }));
    // the endpoints once for the batch's events, read fresh for every batch
    const endpoints = messages.some((m) => m.message?.kind === 'event')
      ? await deps.store.listEndpoints()
      : [];
    await forEachConcurrently(messages, CONCURRENCY, async ({ messageId, message }) => {
      if (!message) {
        deps.log.warn('webhook queue message dropped: neither a Questline event nor an attempt', {
          messageId,
        });
        return;
      }
      try {
        if (message.kind === 'event') await delivery.fanOut(message.event, endpoints);
        else await delivery.retry(message.ref);
      } catch (error) {
        deps.log.error('webhook delivery failed; the message is received again', {
          messageId,
          error: String(error),
        });
        failed.push(messageId);
      }
    });
    return failed;
  };
}
