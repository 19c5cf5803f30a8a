import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import * as z from 'zod';
import { EventBridgePublisher } from './adapters/eventbridge/event-publisher';
import { type Env, parseEnv } from './env';

const busEnv = z.object({
  EVENT_BUS_NAME: z.string().min(1),
  /** only set locally: the local bus's PutEvents endpoint */
  EVENTBRIDGE_ENDPOINT: z.url().optional(),
});

let publisher: EventBridgePublisher | undefined;

/**
 * The publisher of the functions that put events on the bus (the outbox and
 * the leaderboard projector), built on first use from the two variables it
 * needs, so a function without a table (the outbox) needs no table settings.
 */
export function busPublisher(env: Env = process.env): EventBridgePublisher {
  if (publisher) return publisher;
  const config = parseEnv(busEnv, env, 'the bus publisher');
  publisher = new EventBridgePublisher({
    client: new EventBridgeClient(
      config.EVENTBRIDGE_ENDPOINT ? { endpoint: config.EVENTBRIDGE_ENDPOINT } : {},
    ),
    busName: config.EVENT_BUS_NAME,
  });
  return publisher;
}
