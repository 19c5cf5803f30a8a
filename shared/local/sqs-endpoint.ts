import { createHash, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { BusRoute } from '../bus/bus-routes';
import { LOCAL_ACCOUNT_ID } from './api-gateway-event';
import { awsFault, startAwsJsonEndpoint } from './aws-json-endpoint';
import type { HandlerLoader } from './http-gateway';
import { consumeLocally } from './local-queue';

/** SQS takes a message of at most 256 KB and delays it 15 minutes at most. */
const MAX_BODY_BYTES = 256 * 1024;
const MAX_DELAY_SECONDS = 900;

/** A queue a function consumes, and what it does with messages it gives up on. */
export interface LocalQueue {
  name: string;
  consumer: { id: string; entry: string };
  maxReceives: number;
  timeoutSeconds: number;
}

/**
 * SQS, locally: SendMessage on loopback (SQS_ENDPOINT), for consumers that
 * put messages on their own queue for later (the webhook retries). A
 * message waits its DelaySeconds, then goes to the queue's consumer the way
 * the bus's queues do; one it gives up on, or one sent to `<name>-dlq`,
 * is kept and logged as dead-lettered. Messages waiting when the runtime
 * stops are dropped: this queue lives in memory.
 */
export async function startSqsEndpoint(opts: {
  host: string;
  queues: readonly LocalQueue[];
  loadHandler: HandlerLoader;
  log(line: string): void;
  logError(message: string, error: unknown): void;
}) {
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  const deadLetters: { queue: string; body: string }[] = [];
  let base = '';
  const urlOf = (name: string) => `${base}/${LOCAL_ACCOUNT_ID}/${name}`;

  function deadLetter(queue: string, body: string) {
    deadLetters.push({ queue, body });
    opts.log(`${queue}: a message moved to the dead-letter queue: ${body}`);
  }

  function later(queue: LocalQueue, body: string, delaySeconds: number) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      const work = (async () => {
        const consumed = await consumeLocally({
          handler: await opts.loadHandler(queue.consumer),
          queue: queue.name,
          body,
          maxReceives: queue.maxReceives,
          timeoutMs: queue.timeoutSeconds * 1000,
          logError: opts.logError,
        });
        if (!consumed) deadLetter(queue.name, body);
      })();
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    }, delaySeconds * 1000);
    timers.add(timer);
  }

  const endpoint = await startAwsJsonEndpoint({
    host: opts.host,
    portName: 'SQS_PORT',
    service: 'AmazonSQS',
    jsonVersion: '1.0',
    // the request wraps the message in JSON (QueueUrl, escapes): room for a full 256 KB message
    maxBodyBytes: MAX_BODY_BYTES * 2,
    actions: {
      SendMessage: ({ QueueUrl, MessageBody, DelaySeconds }) => {
        if (typeof MessageBody !== 'string' || MessageBody === '') {
          return awsFault(400, 'InvalidParameterValue', 'MessageBody is required');
        }
        const delay = DelaySeconds === undefined ? 0 : Number(DelaySeconds);
        if (!Number.isInteger(delay) || delay < 0 || delay > MAX_DELAY_SECONDS) {
          return awsFault(400, 'InvalidParameterValue', `DelaySeconds must be 0 to ${MAX_DELAY_SECONDS}`);
        }
        const queue = opts.queues.find((q) => urlOf(q.name) === QueueUrl);
        const deadLettersOf = opts.queues.find((q) => urlOf(`${q.name}-dlq`) === QueueUrl);
        if (queue) later(queue, MessageBody, delay);
        else if (deadLettersOf) deadLetter(`${deadLettersOf.name}-dlq`, MessageBody);
        else return awsFault(400, 'AWS.SimpleQueueService.NonExistentQueue', `no queue ${String(QueueUrl)}`);
        const md5 = createHash('md5').update(MessageBody).digest('hex');
        return { status: 200, body: { MessageId: randomUUID(), MD5OfMessageBody: md5 } };
      },
    },
  });
  base = endpoint.url;
  return {
    url: endpoint.url,
    server: endpoint.server as Server,
    queueUrl: urlOf,
    deadLetters: () => [...deadLetters],
    async stop(): Promise<void> {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      endpoint.server.close();
      endpoint.server.closeAllConnections();
    },
  };
}

/** The webhook route's queue: its consumer schedules its own retries there. */
export const WEBHOOK_QUEUE = 'WebhooksOut';

/** The bus's queue routes whose consumers put delayed messages on their own queue. */
export function selfSchedulingQueues(busRoutes: readonly BusRoute[]): LocalQueue[] {
  return busRoutes.flatMap((route) =>
    route.target.kind === 'queue' && route.target.schedulesOwnMessages
      ? [
          {
            name: route.id,
            consumer: { id: route.id, entry: route.target.entry },
            maxReceives: route.target.maxReceiveCount,
            timeoutSeconds: route.target.timeoutSeconds ?? 60,
          },
        ]
      : [],
  );
}
