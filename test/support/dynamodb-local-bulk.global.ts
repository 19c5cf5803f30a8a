import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../shared/local/dynamodb-local';

/**
 * Global setup of the scale tier: a DynamoDB Local of its own, tuned for
 * load (the optimising JIT, a bigger heap) where the shared one is tuned to
 * start fast. Thousands of users' transactions and queries run about twice
 * as fast on it; it idles while the other tiers run, then stops with the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const ddb = await startDynamoDbLocal({ inMemory: true, bulk: true });
  project.provide('dynamodbEndpoint', ddb.endpoint);
  return () => ddb.stop();
}
