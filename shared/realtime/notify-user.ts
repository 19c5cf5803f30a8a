import type { BusinessMetrics, OperationsLog } from '../ports/operations';
import type { ConnectionPoster, ConnectionStore } from '../ports/realtime';
import { type PushableEnvelope, type PushFrame, pushFrameFor, UnpushableEventError } from './pushes';

export interface NotifyResult {
  connections: number;
  sent: number;
  gone: number;
  failed: number;
}

export interface NotifyDeps {
  connections: ConnectionStore;
  poster: ConnectionPoster;
  metrics: BusinessMetrics;
  log: OperationsLog;
}

const NOTHING: NotifyResult = { connections: 0, sent: 0, gone: 0, failed: 0 };

/**
 * A Questline event's envelope -> a push frame -> every open connection of
 * `metadata.user_id`, and of no one else: the user comes from the
 * envelope's metadata only, and pushes.ts refuses data that names another
 * user. Connections found gone are forgotten now rather than at their TTL.
 *
 * Pushes are best effort. A post that fails for another reason than 'gone'
 * is logged, not retried: a retried event would post again to the
 * connections that did receive it. Only a failure before any post (the
 * connection list) throws, so the invocation is retried.
 */
/** An envelope to push: what pushes.ts reads, and the event's id for the logs. */
export type NotifiedEnvelope = PushableEnvelope & { metadata: { id: string } };

export function makeNotifyUser(deps: NotifyDeps): (envelope: NotifiedEnvelope) => Promise<NotifyResult> {
  return async (envelope) => {
    const { id, type, user_id: userId } = envelope.metadata;
    let frame: PushFrame | null;
    try {
      frame = pushFrameFor(envelope);
    } catch (error) {
      if (!(error instanceof UnpushableEventError)) throw error;
      deps.log.error('notifier dropped an event it cannot push', { id, type, reason: error.message });
      return NOTHING;
    }
    if (frame === null) return NOTHING;

    const connections = await deps.connections.listForUser(userId);
    const posts = await Promise.allSettled(
      connections.map((connectionId) => deps.poster.post(connectionId, frame)),
    );
    const gone = connections.filter((_, i) => isFulfilledWith(posts[i], 'gone'));
    const failures = posts.flatMap((post, i) =>
      post.status === 'rejected' ? [{ connectionId: connections[i], error: String(post.reason) }] : [],
    );
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
      deps.log.warn('some pushes failed', { id, type, userId, failures, goneNotRemoved: notRemoved });
    }
    deps.metrics.count('PushesSent', result.sent);
    deps.metrics.count('PushesGone', result.gone);
    deps.metrics.count('PushesFailed', result.failed);
    deps.log.info('pushed', { id, type, userId, event: frame.event, ...result });
    return result;
  };
}

function isFulfilledWith<T>(settled: PromiseSettledResult<T> | undefined, value: T): boolean {
  return settled?.status === 'fulfilled' && settled.value === value;
}
