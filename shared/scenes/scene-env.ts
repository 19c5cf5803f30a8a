import * as z from 'zod';
import { createDynamoClient } from '../adapters/dynamo/client';
import { type Env, parseEnv } from '../env';
import type { Clock } from '../ports/operations';

/**
 * The scene tasks' environment, parsed once per cold start. Where images
 * live: `SCENES_BUCKET` (S3, on AWS) or `SCENES_DIR` (a folder); who draws:
 * `SCENES_PROVIDER` `bedrock` (with `SCENES_MODEL_ID`) or `procedural`.
 */

const envSchema = z
  .object({
    TABLE_NAME: z.string().min(3, 'must name the DynamoDB table (at least 3 characters)'),
    DYNAMODB_ENDPOINT: z.url().optional(),
    AWS_REGION: z.string().min(1).optional(),
    SCENES_PROVIDER: z.enum(['bedrock', 'procedural']),
    SCENES_MODEL_ID: z.string().min(1).optional(),
    SCENES_MIN_CONFIDENCE: z.coerce.number().min(0).max(100).optional(),
    SCENES_BUCKET: z.string().min(3).optional(),
    SCENES_DIR: z.string().min(1).optional(),
    SCENES_BASE_URL: z.url({
      error: 'the URL scene images are served from (CloudFront, or the local runtime)',
    }),
    /** paid generations per user and per deployment, per UTC day */
    SCENES_DAILY_PER_USER: z.coerce.number().int().min(0).optional(),
    SCENES_DAILY_BUDGET: z.coerce.number().int().min(0).optional(),
  })
  .refine((env) => (env.SCENES_BUCKET === undefined) !== (env.SCENES_DIR === undefined), {
    error: 'exactly one of SCENES_BUCKET (S3) and SCENES_DIR (a local folder)',
  })
  .refine((env) => env.SCENES_PROVIDER === 'procedural' || env.SCENES_MODEL_ID !== undefined, {
    error: 'SCENES_MODEL_ID names the model when SCENES_PROVIDER is bedrock',
  })
  .refine(
    (env) =>
      env.SCENES_PROVIDER === 'procedural' ||
      (env.SCENES_DAILY_PER_USER !== undefined && env.SCENES_DAILY_BUDGET !== undefined),
    {
      error:
        'SCENES_DAILY_PER_USER and SCENES_DAILY_BUDGET limit paid generations when SCENES_PROVIDER is bedrock',
    },
  );

export type SceneEnv = z.output<typeof envSchema>;

export function parseSceneEnv(env: Env = process.env): SceneEnv {
  return parseEnv(envSchema, env, 'the scene workflow');
}

export const systemClock: Clock = { now: () => new Date() };

export const usesBedrock = (env: SceneEnv) => env.SCENES_PROVIDER === 'bedrock';

/** The table's name and the client for it. */
export function sceneTable(env: SceneEnv) {
  const client = createDynamoClient({ endpoint: env.DYNAMODB_ENDPOINT, region: env.AWS_REGION });
  return { client, tableName: env.TABLE_NAME };
}

/** The day's limits of paid generations (unlimited for the procedural renderer, which costs nothing). */
export function generationLimits(env: SceneEnv) {
  return {
    perUserDaily: env.SCENES_DAILY_PER_USER ?? Number.MAX_SAFE_INTEGER,
    globalDaily: env.SCENES_DAILY_BUDGET ?? Number.MAX_SAFE_INTEGER,
  };
}
