import * as z from 'zod';
import { createDynamoClients } from './adapters/dynamo/client';
import { DynamoProfileReader } from './adapters/dynamo/profile-reader';
import { makeGetProfile } from './app/get-profile';
import { loadActiveRules } from './rules/active-rules';

/**
 * The composition root of the profile reads (GET /v1/me, GET
 * /v1/internal/users/{id}): one consistent GetItem and the rules' level
 * curve, so their bundles carry neither the activity engine nor its writes.
 * Built on first use from TABLE_NAME, DYNAMODB_ENDPOINT (only locally) and
 * AWS_REGION.
 */

const envSchema = z.object({
  TABLE_NAME: z.string().min(3, 'must name the DynamoDB table (at least 3 characters)'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).optional(),
});

export function createGetProfile(env: Record<string, string | undefined>) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment for the profile reads: ${problems}`);
  }
  const { doc } = createDynamoClients({
    endpoint: parsed.data.DYNAMODB_ENDPOINT,
    region: parsed.data.AWS_REGION,
  });
  return makeGetProfile({
    rules: loadActiveRules(),
    clock: { now: () => new Date() },
    store: new DynamoProfileReader({ doc, tableName: parsed.data.TABLE_NAME }),
  });
}

let built: ReturnType<typeof createGetProfile> | undefined;

/** The process-wide profile read: built from the environment on first use, then reused. */
export function getProfile(): ReturnType<typeof createGetProfile> {
  built ??= createGetProfile(process.env);
  return built;
}
