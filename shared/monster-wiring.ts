import * as z from 'zod';
import { createDynamoClients } from './adapters/dynamo/client';
import { DynamoMonsterStore } from './adapters/dynamo/monster-store';
import { DynamoProfileReader } from './adapters/dynamo/profile-reader';
import { DynamoRateLimiter } from './adapters/dynamo/rate-limiter';
import { DynamoSceneStore } from './adapters/dynamo/scene-store';
import { DynamoShopStore } from './adapters/dynamo/shop-store';
import { makeMonsterUseCases } from './app/monster-use-cases';
import { parseEnv, tableEnvSchema } from './env';
import { emfBusinessMetrics } from './observability';
import { loadActiveRules } from './rules/active-rules';

/**
 * The composition root of the monster routes (GET and PUT /v1/me/monster):
 * only the stores they read and write, so their bundles carry neither the
 * activity engine nor the shop's transactions (a PUT that changes the look
 * also starts a scene: shared/scenes/scene-request-wiring.ts). Built on
 * first use from TABLE_NAME, DYNAMODB_ENDPOINT (only locally), AWS_REGION
 * and SCENES_BASE_URL.
 */

const envSchema = tableEnvSchema.extend({
  SCENES_BASE_URL: z.url({
    error: 'the URL scene images are served from (CloudFront, or the local runtime)',
  }),
});

export function createMonsterUseCases(env: Record<string, string | undefined>) {
  const config = parseEnv(envSchema, env, 'the monster routes');
  const { doc } = createDynamoClients({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
  const table = { doc, tableName: config.TABLE_NAME };
  return makeMonsterUseCases({
    rules: loadActiveRules(),
    clock: { now: () => new Date() },
    metrics: emfBusinessMetrics,
    store: new DynamoProfileReader(table),
    monsters: new DynamoMonsterStore(table),
    shop: new DynamoShopStore(table),
    rateLimiter: new DynamoRateLimiter(table),
    scenes: new DynamoSceneStore(table),
    imagesBaseUrl: config.SCENES_BASE_URL,
  });
}

let built: ReturnType<typeof createMonsterUseCases> | undefined;

/** The process-wide monster use cases: built from the environment on first use, then reused. */
export function monsterUseCases(): ReturnType<typeof createMonsterUseCases> {
  built ??= createMonsterUseCases(process.env);
  return built;
}
