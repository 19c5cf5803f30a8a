import type { TestProject } from 'vitest/node';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../shared/local/dynamodb-local';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the URL of the one DynamoDB Local this `vitest run` started */
    dynamodbEndpoint: string;
  }
}

/**
 * Global setup of the integration and api tiers: ONE in-memory DynamoDB Local
 * for the whole run, however many of those projects run. Each project loads
 * this file in its own module scope, so the instance is shared on globalThis
 * and counted; vitest runs every project's setup before any teardown, so the
 * last teardown is the end of the run and stops java.
 */

// Node 20 is this project's runtime; the SDK's notice about Node 22 is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const SHARED = Symbol.for('questline.test.dynamodb-local');

interface Shared {
  instance: Promise<DynamoDbLocal>;
  users: number;
}

type Holder = { [SHARED]?: Shared };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const holder = globalThis as Holder;
  holder[SHARED] ??= { instance: startDynamoDbLocal({ inMemory: true }), users: 0 };
  const shared = holder[SHARED];
  shared.users += 1;
  const ddb = await shared.instance;
  project.provide('dynamodbEndpoint', ddb.endpoint);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete holder[SHARED];
    await ddb.stop();
  };
}
