import { type InboundEvent, parseInboundEvent } from '../bus/parse-inbound-event';
import { forEachConcurrently } from '../concurrency';
import { ContentionError, RuleRefusedError, ValidationError } from '../domain/errors';
import type { Activity } from '../domain/types';
import type { BusinessMetrics, OperationsLog } from '../ports/operations';
import type { Rules } from '../rules/schema';

/** One queued message: an EventBridge event, as the SQS target delivers it. */
export interface InboundMessage {
  messageId: string;
  body: string;
  receiveCount: number;
}

export interface InboundBatchDeps {
  rules: Pick<Rules, 'inbound_events'>;
  recordActivity: (activity: Activity) => Promise<{ duplicate: boolean }>;
  metrics: BusinessMetrics;
  log: OperationsLog;
}

/** Users in flight at once: enough to overlap DynamoDB round trips, few enough not to throttle a hot table. */
const CONCURRENT_USERS = 10;

/**
 * Applies a batch of the activities other services report; answers the
 * messages to deliver again. Per message:
 * - unusable (not JSON, unknown detail-type, invalid detail): logged with
 *   each bad field and failed. Redelivery cannot fix it, but the queue's
 *   redrive policy moves it to the DLQ after maxReceiveCount, where an
 *   operator can read it and redrive it once the sender or the rules are fixed.
 * - applied, or a duplicate of an applied event_id: done.
 * - refused by the rules (cap reached, already done, too old, ...): a business
 *   outcome like a 422 on the HTTP route, not a failure. Logged, done.
 * - anything else (contention, throttling, an event_id reused for another
 *   activity): failed, so SQS redelivers it and, if it keeps failing,
 *   dead-letters it.
 *
 * Users are applied concurrently, each user's messages one after another in
 * batch order: on a standard queue that order is a best effort anyway, but
 * within a batch it keeps a user's caps and streaks in the order sent.
 */
export function makeApplyInboundBatch(
  deps: InboundBatchDeps,
): (messages: readonly InboundMessage[]) => Promise<{ failed: string[] }> {
  const parse = (message: InboundMessage): InboundEvent | undefined => {
    try {
      return parseInboundEvent(deps.rules, message.body);
    } catch (error) {
      deps.metrics.count('InboundInvalid');
      deps.log.error('inbound event rejected as invalid; it goes to the DLQ after its last receive', {
        messageId: message.messageId,
        receiveCount: message.receiveCount,
        issues: error instanceof ValidationError ? error.details : undefined,
        error: error instanceof ValidationError ? undefined : error,
      });
      return undefined;
    }
  };

  /** Applies one message; false when SQS should deliver it again. */
  const apply = async (messageId: string, inbound: InboundEvent): Promise<boolean> => {
    const { activity } = inbound;
    const context = {
      messageId,
      eventBridgeId: inbound.id,
      source: inbound.source,
      detailType: inbound.detailType,
      eventId: activity.eventId,
      userId: activity.userId,
      activityType: activity.type,
    };
    try {
      const { duplicate } = await deps.recordActivity(activity);
      deps.log.debug(
        duplicate ? 'inbound activity was already applied' : 'inbound activity applied',
        context,
      );
      return true;
    } catch (error) {
      if (error instanceof RuleRefusedError) {
        const refusal = { ...context, reason: error.code, message: error.message };
        deps.log.info('inbound activity refused by the rules', refusal);
        return true;
      }
      if (error instanceof ContentionError) {
        deps.log.warn('inbound activity lost to concurrent updates; SQS will redeliver it', context);
      } else {
        deps.log.error('inbound activity failed; SQS will redeliver it', { ...context, error });
      }
      return false;
    }
  };

  return async (messages) => {
    const failed: string[] = [];
    const byUser = new Map<string, { messageId: string; inbound: InboundEvent }[]>();
    for (const message of messages) {
      const inbound = parse(message);
      if (!inbound) {
        failed.push(message.messageId);
        continue;
      }
      const queue = byUser.get(inbound.activity.userId) ?? [];
      queue.push({ messageId: message.messageId, inbound });
      byUser.set(inbound.activity.userId, queue);
    }
    await forEachConcurrently([...byUser.values()], CONCURRENT_USERS, async (queue) => {
      for (const { messageId, inbound } of queue) {
        if (!(await apply(messageId, inbound))) failed.push(messageId);
      }
    });
    return { failed };
  };
}
