import { createDynamoClient } from './adapters/dynamo/client';
import { DynamoProfileReader } from './adapters/dynamo/profile-reader';
import { makeGetProfile } from './app/get-profile';
import { parseEnv, tableEnvSchema } from './env';
import { loadActiveRules } from './rules/active-rules';

/**
 * The composition root of the profile reads (GET /v1/me, GET
 * /v1/internal/users/{id}): one consistent GetItem and the rules' level
 * curve, so their bundles carry neither the activity engine nor its writes.
 * Built on first use from TABLE_NAME, DYNAMODB_ENDPOINT (only locally) and
 * AWS_REGION.
 */

export function createGetProfile(env: Record<string, string | undefined>) {
  const config = parseEnv(tableEnvSchema, env, 'the profile reads');
  const client = createDynamoClient({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
  return makeGetProfile({
    rules: loadActiveRules(),
    clock: { now: () => new Date() },
    store: new DynamoProfileReader({ client, tableName: config.TABLE_NAME }),
  });
}

let built: ReturnType<typeof createGetProfile> | undefined;

/** The process-wide profile read: built from the environment on first use, then reused. */
export function getProfile(): ReturnType<typeof createGetProfile> {
  built ??= createGetProfile(process.env);
  return built;
}
