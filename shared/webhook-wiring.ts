import { randomBytes } from 'node:crypto';
import { SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import { createDynamoClient } from './adapters/dynamo/client';
import { DynamoWebhookStore } from './adapters/dynamo/webhook-store';
import { SqsAttemptScheduler } from './adapters/sqs/attempt-scheduler';
import {
  AWS_ENDPOINT_POLICY,
  type EndpointPolicy,
  endpointProblem,
  LOCAL_ENDPOINT_POLICY,
} from './adapters/webhooks/address-guard';
import { HttpWebhookSender } from './adapters/webhooks/webhook-sender';
import { makeWebhookBatch } from './app/webhooks/deliver-batch';
import type { WebhookDeps } from './app/webhooks/deps';
import { makeWebhookAdmin } from './app/webhooks/manage';
import { parseEnv, tableEnvSchema } from './env';
import { emfBusinessMetrics, operationsLog } from './observability';

/**
 * The composition root of the webhook functions: the routes that manage
 * endpoints and the queue consumer that delivers. On AWS endpoints are https
 * to public addresses only; locally (`WEBHOOK_ENDPOINT_POLICY=local`, set by
 * npm start) any http URL, so a receiver on your machine works.
 */

const webhookEnvSchema = tableEnvSchema.extend({
  WEBHOOK_ENDPOINT_POLICY: z.enum(['aws', 'local']).default('aws'),
  /** the consumer's own queue and its dead-letter queue: where attempts wait */
  WEBHOOK_QUEUE_URL: z.url().optional(),
  WEBHOOK_DLQ_URL: z.url().optional(),
  /** only set locally: the local SQS stand-in */
  SQS_ENDPOINT: z.url().optional(),
});

const env = parseEnv(webhookEnvSchema, process.env, 'the webhook functions');
const policy: EndpointPolicy =
  env.WEBHOOK_ENDPOINT_POLICY === 'local' ? LOCAL_ENDPOINT_POLICY : AWS_ENDPOINT_POLICY;

function deps(): WebhookDeps {
  const client = createDynamoClient({ endpoint: env.DYNAMODB_ENDPOINT, region: env.AWS_REGION });
  return {
    store: new DynamoWebhookStore({ client, tableName: env.TABLE_NAME }),
    sender: new HttpWebhookSender(policy),
    clock: { now: () => new Date() },
    checkUrl: (url) => endpointProblem(url, policy),
    newId: () => `wh_${randomBytes(12).toString('base64url')}`,
    newSecret: () => `whsec_${randomBytes(32).toString('base64url')}`,
    metrics: emfBusinessMetrics,
  };
}

let admin: ReturnType<typeof makeWebhookAdmin> | undefined;
/** The routes' use cases, built on first call. */
export const webhookAdmin = () => {
  admin ??= makeWebhookAdmin(deps());
  return admin;
};

let batch: ReturnType<typeof makeWebhookBatch> | undefined;
/** The queue consumer's use case, built on first call; it needs its queues. */
export const webhookBatch = () => {
  if (batch) return batch;
  if (!env.WEBHOOK_QUEUE_URL || !env.WEBHOOK_DLQ_URL) {
    throw new Error(
      'Invalid environment for the webhook consumer: WEBHOOK_QUEUE_URL and WEBHOOK_DLQ_URL are required',
    );
  }
  const client = new SQSClient({
    ...(env.SQS_ENDPOINT && { endpoint: env.SQS_ENDPOINT }),
    ...(env.AWS_REGION && { region: env.AWS_REGION }),
  });
  const scheduler = new SqsAttemptScheduler({
    client,
    queueUrl: env.WEBHOOK_QUEUE_URL,
    deadLetterQueueUrl: env.WEBHOOK_DLQ_URL,
  });
  batch = makeWebhookBatch({ ...deps(), scheduler, log: operationsLog });
  return batch;
};
