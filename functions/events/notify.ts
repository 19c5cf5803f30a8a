import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import * as z from 'zod';
import { envelopeSchema } from '../../events/envelope';
import { questlineEnvelopeOf } from '../../shared/bus/questline-event';
import { emfBusinessMetrics, lambdaObservability, logger, operationsLog } from '../../shared/observability';
import { makeNotifyUser, type NotifyResult } from '../../shared/realtime/notify-user';
import { realtimeDeps } from '../../shared/realtime-wiring';

export type { NotifyResult };

const anyEnvelope = envelopeSchema(z.record(z.string(), z.unknown()));

/**
 * A Questline event from the bus (`detail` = the `{ metadata, data }`
 * envelope), checked here at the edge, then pushed to its user's sockets
 * (shared/realtime/notify-user.ts).
 */
export async function main(event: EventBridgeEvent<string, unknown>): Promise<NotifyResult> {
  const checked = questlineEnvelopeOf(event, anyEnvelope);
  if ('notOne' in checked) {
    logger.error('notifier ignored an event that is not a Questline envelope', checked.notOne);
    return { connections: 0, sent: 0, gone: 0, failed: 0 };
  }
  // read per event, not kept: the local runtime and tests put their own connections and poster in place
  const { connections, poster } = realtimeDeps();
  return makeNotifyUser({ connections, poster, metrics: emfBusinessMetrics, log: operationsLog })(
    checked.envelope,
  );
}

export const handler = middy(main).use(lambdaObservability());
