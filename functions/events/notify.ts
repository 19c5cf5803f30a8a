import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod';
import { EVENT_SOURCE, envelopeSchema } from '../../events/envelope';
import { emfBusinessMetrics, lambdaObservability, logger } from '../../shared/observability';
import { type PushFrame, pushFrameFor, UnpushableEventError } from '../../shared/realtime/pushes';
import { realtimeDeps } from '../../shared/realtime-wiring';

const anyEnvelope = envelopeSchema(z.record(z.string(), z.unknown()));

export interface NotifyResult {
  connections: number;
  sent: number;
  gone: number;
  failed: number;
}

const NOTHING: NotifyResult = { connections: 0, sent: 0, gone: 0, failed: 0 };

/**
 * A Questline event from the bus (`detail` = the `{ metadata, data }`
 * envelope) -> a push frame -> every open connection of `metadata.user_id`,
 * and of no one else: the user comes from the envelope's metadata only, and
 * pushes.ts refuses data that names another user.
 *
 * Pushes are best effort. A post that fails for another reason than 'gone'
 * is logged, not retried: a retried event would post again to the
 * connections that did receive it. Only a failure before any post (the
 * connection list) throws, so the invocation is retried.
 */
export async function main(event: EventBridgeEvent<string, unknown>): Promise<NotifyResult> {
  const parsed = anyEnvelope.safeParse(event.detail);
  if (
    event.source !== EVENT_SOURCE ||
    !parsed.success ||
    parsed.data.metadata.type !== event['detail-type']
  ) {
    logger.error('notifier ignored an event that is not a Questline envelope', {
      source: event.source,
      detailType: event['detail-type'],
      issues: parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.')),
    });
    return NOTHING;
  }
  const envelope = parsed.data;
  const { id, type, user_id: userId } = envelope.metadata;
  let frame: PushFrame | null;
  try {
    frame = pushFrameFor(envelope);
  } catch (error) {
    if (!(error instanceof UnpushableEventError)) throw error;
    logger.error('notifier dropped an event it cannot push', { id, type, reason: error.message });
    return NOTHING;
  }
  if (frame === null) return NOTHING;

  const deps = realtimeDeps();
  const connections = await deps.connections.listForUser(userId);
  const posts = await Promise.allSettled(
    connections.map((connectionId) => deps.poster.post(connectionId, frame)),
  );
  const gone = connections.filter((_, i) => isFulfilledWith(posts[i], 'gone'));
  const failures = posts.flatMap((post, i) =>
    post.status === 'rejected' ? [{ connectionId: connections[i], error: String(post.reason) }] : [],
  );
  // Closed without $disconnect reaching us: forget them now rather than at their TTL.
  const removals = await Promise.allSettled(
    gone.map((connectionId) => deps.connections.remove(connectionId)),
  );
  const notRemoved = removals.filter((removal) => removal.status === 'rejected').length;

  const result: NotifyResult = {
    connections: connections.length,
    sent: posts.filter((post) => isFulfilledWith(post, 'sent')).length,
    gone: gone.length,
    failed: failures.length,
  };
  if (failures.length > 0 || notRemoved > 0) {
    logger.warn('some pushes failed', { id, type, userId, failures, goneNotRemoved: notRemoved });
  }
  emfBusinessMetrics.count('PushesSent', result.sent);
  emfBusinessMetrics.count('PushesGone', result.gone);
  emfBusinessMetrics.count('PushesFailed', result.failed);
  logger.info('pushed', { id, type, userId, event: frame.event, ...result });
  return result;
}

function isFulfilledWith<T>(settled: PromiseSettledResult<T> | undefined, value: T): boolean {
  return settled?.status === 'fulfilled' && settled.value === value;
}

export const handler = middy(main).use(lambdaObservability());
