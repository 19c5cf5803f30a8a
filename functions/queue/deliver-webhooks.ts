import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { lambdaObservability } from '../../shared/observability';
import { webhookBatch } from '../../shared/webhook-wiring';

/**
 * Questline's bus -> the webhook queue -> here: each event posted to the
 * endpoints that want it, and the attempts scheduled after failures
 * (shared/app/webhooks/), with partial batch failure reporting.
 */
export async function main(event: SQSEvent): Promise<SQSBatchResponse> {
  const failed = await webhookBatch()(event.Records.map(({ messageId, body }) => ({ messageId, body })));
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
}

export const handler = middy(main).use(lambdaObservability());
