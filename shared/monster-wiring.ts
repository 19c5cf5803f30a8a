import * as z from 'zod';
import { createDynamoClient } from './adapters/dynamo/client';
import { DynamoMonsterStore } from './adapters/dynamo/monster-store';
import { DynamoProfileReader } from './adapters/dynamo/profile-reader';
import { DynamoRateLimiter } from './adapters/dynamo/rate-limiter';
import { DynamoSceneStore } from './adapters/dynamo/scene-store';
import { DynamoShopStore } from './adapters/dynamo/shop-store';
import { type MonsterUpdated, makeMonsterUseCases } from './app/monster-use-cases';
import { parseEnv, tableEnvSchema } from './env';
import { emfBusinessMetrics, logger } from './observability';
import { loadActiveRules } from './rules/active-rules';
import { sceneRequests } from './scenes/scene-request-wiring';

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
  const client = createDynamoClient({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
  const table = { client, tableName: config.TABLE_NAME };
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

/**
 * PUT /v1/me/monster's whole step: the change, then, when the look changed,
 * its new scene (the job's id, or null). The monster is saved whatever
 * happens to the scene: one that cannot start is logged (its job, if made,
 * is failed with start_failed), and the user keeps the scene they had until
 * the next change or request.
 */
export async function updateMonsterAndScene(
  userId: string,
  input: Parameters<MonsterUseCases['updateMonster']>[1],
  version: Parameters<MonsterUseCases['updateMonster']>[2],
): Promise<{ updated: MonsterUpdated; sceneJobId: string | null }> {
  const updated = await monsterUseCases().updateMonster(userId, input, version);
  if (!updated.needsSceneRegeneration) return { updated, sceneJobId: null };
  try {
    const job = await sceneRequests().triggers.onMonsterChanged({ userId, version: updated.version });
    return { updated, sceneJobId: job.jobId };
  } catch (error) {
    logger.error('the scene of a changed monster did not start', { error });
    return { updated, sceneJobId: null };
  }
}

type MonsterUseCases = ReturnType<typeof createMonsterUseCases>;
