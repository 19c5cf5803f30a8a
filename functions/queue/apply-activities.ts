import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { makeApplyInboundBatch } from '../../shared/app/apply-inbound-batch';
import { INBOUND_MAX_RECEIVES } from '../../shared/bus/bus-routes';
import { emfBusinessMetrics, lambdaObservability, operationsLog } from '../../shared/observability';
import { activeRules, recordActivityUseCase } from '../../shared/wiring';

/**
 * Questline's bus -> SQS -> here: the activities other services report
 * (shared/app/apply-inbound-batch.ts), with partial batch failure reporting
 * (the event source mapping sets ReportBatchItemFailures), so one bad
 * message never holds up the rest.
 */
let applyBatch: ReturnType<typeof makeApplyInboundBatch> | undefined;

export async function main(event: SQSEvent): Promise<SQSBatchResponse> {
  const messages = event.Records.map((record) => ({
    messageId: record.messageId,
    body: record.body,
    receiveCount: Number(record.attributes.ApproximateReceiveCount),
  }));
  applyBatch ??= makeApplyInboundBatch({
    rules: activeRules(),
    recordActivity: recordActivityUseCase(),
    metrics: emfBusinessMetrics,
    log: operationsLog,
  });
  const { failed } = await applyBatch(messages);
  // a message failing its last delivery is on its way to the dead-letter queue
  const lastTries = messages.filter(
    (m) => failed.includes(m.messageId) && m.receiveCount >= INBOUND_MAX_RECEIVES,
  );
  emfBusinessMetrics.count('InboundDeadLettered', lastTries.length);
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
}

export const handler = middy(main).use(lambdaObservability());
