import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod';
import { EVENT_SOURCE, envelopeSchema } from '../../events/envelope';
import { emfBusinessMetrics, lambdaObservability, logger, operationsLog } from '../../shared/observability';
import { makeNotifyUser, type NotifyResult } from '../../shared/realtime/notify-user';
import { realtimeDeps } from '../../shared/realtime-wiring';
import { namedIssues } from '../../shared/zod-issues';

export type { NotifyResult };

const anyEnvelope = envelopeSchema(z.record(z.string(), z.unknown()));

/**
 * A Questline event from the bus (`detail` = the `{ metadata, data }`
 * envelope), checked here at the edge, then pushed to its user's sockets
 * (shared/realtime/notify-user.ts).
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
      issues: parsed.success ? [] : namedIssues(parsed.error, { whole: 'detail' }).map((i) => i.field),
    });
    return { connections: 0, sent: 0, gone: 0, failed: 0 };
  }
  const { connections, poster } = realtimeDeps();
  return makeNotifyUser({ connections, poster, metrics: emfBusinessMetrics, log: operationsLog })(
    parsed.data,
  );
}

export const handler = middy(main).use(lambdaObservability());
