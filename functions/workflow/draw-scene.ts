import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { StabilityImageGenerator } from '../../shared/adapters/bedrock/stability-image-generator';
import { DynamoGenerationBudget } from '../../shared/adapters/dynamo/generation-budget';
import { DynamoSceneStore } from '../../shared/adapters/dynamo/scene-store';
import { ProceduralImageGenerator } from '../../shared/adapters/procedural/procedural-image-generator';
import { drawStep } from '../../shared/app/scene-steps';
import { generationLimits, sceneTable, systemClock, usesBedrock } from '../../shared/scenes/scene-env';
import { pendingImageStore } from '../../shared/scenes/scene-storage';
import { sceneTaskLambda } from '../../shared/scenes/scene-task-lambda';
import { runDraw } from '../../shared/scenes/scene-tasks';

/** Scene workflow task DrawScene: draws with the configured model (Bedrock), one attempt. */
export const handler = sceneTaskLambda((env) =>
  runDraw(
    drawStep({
      generator: usesBedrock(env)
        ? new StabilityImageGenerator({ client: new BedrockRuntimeClient({}), modelId: env.SCENES_MODEL_ID })
        : new ProceduralImageGenerator(),
      pending: pendingImageStore(env),
      scenes: new DynamoSceneStore(sceneTable(env)),
      clock: systemClock,
      budget: new DynamoGenerationBudget(sceneTable(env)),
      limits: generationLimits(env),
    }),
  ),
);
