import { SFNClient } from '@aws-sdk/client-sfn';
import { ulid } from 'ulid';
import * as z from 'zod';
import { createDynamoClient } from '../adapters/dynamo/client';
import { DynamoGameStore } from '../adapters/dynamo/game-store';
import { DynamoCooldown } from '../adapters/dynamo/rate-limiter';
import { DynamoSceneStore } from '../adapters/dynamo/scene-store';
import { StepFunctionsSceneStarter } from '../adapters/stepfunctions/step-functions-scene-starter';
import { makeGetSceneJob, makeListScenes, makeRequestScene } from '../app/request-scene';
import { makeSceneTriggers } from '../app/scene-triggers';
import { parseEnv, tableEnvSchema } from '../env';

/**
 * The composition root of the scene routes (POST /v1/me/scenes, the job,
 * the gallery) and of the triggers that start a scene (a milestone, a
 * monster change). Built from the environment on first use:
 *
 * - TABLE_NAME, DYNAMODB_ENDPOINT (only locally), AWS_REGION
 * - SCENE_WORKFLOW_ARN: the state machine, for those that start scenes;
 *   STEPFUNCTIONS_ENDPOINT only locally
 * - SCENES_BASE_URL: where scene images are served from
 */

type Env = Record<string, string | undefined>;

const envSchema = tableEnvSchema.extend({
  /** only the functions that start scenes have it (and the right to) */
  SCENE_WORKFLOW_ARN: z
    .string()
    .regex(/^arn:[\w-]+:states:/, 'the scene state machine ARN')
    .optional(),
  /** the local runtime's Step Functions endpoint; absent on AWS */
  STEPFUNCTIONS_ENDPOINT: z.url().optional(),
  SCENES_BASE_URL: z.url({
    error: 'the URL scene images are served from (CloudFront, or the local runtime)',
  }),
});

export function createSceneRequests(env: Env) {
  const config = parseEnv(envSchema, env, 'the scene requests');
  const client = createDynamoClient({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION });
  const table = { client, tableName: config.TABLE_NAME };
  const scenes = new DynamoSceneStore(table);
  let starter: StepFunctionsSceneStarter | undefined;
  const workflow = {
    start(job: { userId: string; jobId: string }) {
      if (config.SCENE_WORKFLOW_ARN === undefined) {
        throw new Error('SCENE_WORKFLOW_ARN is not set: this function may not start scenes');
      }
      starter ??= new StepFunctionsSceneStarter({
        client: new SFNClient({
          ...(config.AWS_REGION && { region: config.AWS_REGION }),
          ...(config.STEPFUNCTIONS_ENDPOINT && { endpoint: config.STEPFUNCTIONS_ENDPOINT }),
        }),
        stateMachineArn: config.SCENE_WORKFLOW_ARN,
      });
      return starter.start(job);
    },
  };
  const requestScene = makeRequestScene({
    store: new DynamoGameStore(table),
    scenes,
    cooldown: new DynamoCooldown(table),
    starter: workflow,
    clock: { now: () => new Date() },
    // Step Functions names an execution by its job id: letters, digits, - and _ only.
    newJobId: () => `scene-${ulid()}`,
  });
  return {
    imagesBaseUrl: config.SCENES_BASE_URL,
    requestScene,
    triggers: makeSceneTriggers({ requestScene }),
    getSceneJob: makeGetSceneJob({ scenes }),
    listScenes: makeListScenes({ scenes }),
  };
}

export type SceneRequests = ReturnType<typeof createSceneRequests>;

let built: SceneRequests | undefined;

/** The process-wide scene requests: built from the environment on first use, then reused. */
export function sceneRequests(): SceneRequests {
  built ??= createSceneRequests(process.env);
  return built;
}
