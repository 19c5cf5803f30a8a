import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { type InboundEvent, parseInboundEvent } from '../../shared/app/apply-inbound-event';
import { INBOUND_MAX_RECEIVES } from '../../shared/bus/bus-routes';
import { ContentionError, RuleRefusedError, ValidationError } from '../../shared/domain/errors';
import { emfBusinessMetrics, lambdaObservability, logger } from '../../shared/observability';
import { activeRules, recordActivityUseCase } from '../../shared/wiring';

/**
 * Questline's bus -> SQS -> here: applies the activities other services
 * report, with partial batch failure reporting (the event source mapping
 * sets ReportBatchItemFailures), so one bad message never holds up the rest.
 *
 * Per message:
 * - unusable (not JSON, unknown detail-type, invalid detail): logged with
 *   each bad field and reported failed. Redelivery cannot fix it, but the
 *   queue's redrive policy moves it to the DLQ after maxReceiveCount, where an
 *   operator can read it and redrive it once the sender or the rules are fixed.
 * - applied, or a duplicate of an applied event_id: done.
 * - refused by the rules (cap reached, already done, too old, ...): a business
 *   outcome like a 422 on the HTTP route, not a failure. Logged, done:
 *   redelivering would only be refused again.
 * - anything else (contention, throttling, an event_id reused for another
 *   activity): reported failed, so SQS redelivers it after the visibility
 *   timeout and, if it keeps failing, dead-letters it.
 *
 * Users are applied concurrently, each user's messages one after another in
 * batch order: on a standard queue that order is a best effort anyway, but
 * within a batch it keeps a user's caps and streaks in the order sent.
 */

/** Users in flight at once: enough to overlap DynamoDB round trips, few enough not to throttle a hot table. */
const CONCURRENT_USERS = 10;

interface Parsed {
  messageId: string;
  inbound: InboundEvent;
}

export async function main(event: SQSEvent): Promise<SQSBatchResponse> {
  const failed: string[] = [];
  const byUser = new Map<string, Parsed[]>();
  for (const record of event.Records) {
    const inbound = parseRecord(record);
    if (!inbound) {
      failed.push(record.messageId);
      continue;
    }
    const queue = byUser.get(inbound.activity.userId) ?? [];
    queue.push({ messageId: record.messageId, inbound });
    byUser.set(inbound.activity.userId, queue);
  }
  await forEachConcurrently([...byUser.values()], CONCURRENT_USERS, async (messages) => {
    for (const message of messages) {
      if (!(await applyMessage(message))) failed.push(message.messageId);
    }
  });
  countDeadLetters(event.Records, failed);
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
}

export const handler = middy(main).use(lambdaObservability());

/** A message failing its last delivery is on its way to the dead-letter queue. */
function countDeadLetters(records: readonly SQSRecord[], failed: readonly string[]): void {
  const lastTries = records.filter(
    (record) =>
      failed.includes(record.messageId) &&
      Number(record.attributes.ApproximateReceiveCount) >= INBOUND_MAX_RECEIVES,
  );
  emfBusinessMetrics.count('InboundDeadLettered', lastTries.length);
}

function parseRecord(record: SQSRecord): InboundEvent | undefined {
  try {
    return parseInboundEvent(activeRules(), record.body);
  } catch (error) {
    emfBusinessMetrics.count('InboundInvalid');
    logger.error('inbound event rejected as invalid; it goes to the DLQ after its last receive', {
      messageId: record.messageId,
      receiveCount: record.attributes.ApproximateReceiveCount,
      issues: error instanceof ValidationError ? error.details : undefined,
      error: error instanceof ValidationError ? undefined : error,
    });
    return undefined;
  }
}

/** Applies one message; false when SQS should redeliver it. */
async function applyMessage({ messageId, inbound }: Parsed): Promise<boolean> {
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
    const result = await recordActivityUseCase()(activity);
    logger.debug(
      result.duplicate ? 'inbound activity was already applied' : 'inbound activity applied',
      context,
    );
    return true;
  } catch (error) {
    if (error instanceof RuleRefusedError) {
      logger.info('inbound activity refused by the rules', {
        ...context,
        reason: error.code,
        message: error.message,
      });
      return true;
    }
    if (error instanceof ContentionError) {
      logger.warn('inbound activity lost to concurrent updates; SQS will redeliver it', context);
    } else {
      logger.error('inbound activity failed; SQS will redeliver it', { ...context, error });
    }
    return false;
  }
}

/** Runs `work` on every item with at most `limit` running at once. */
async function forEachConcurrently<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
