import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { StabilityImageGenerator } from '../../shared/adapters/bedrock/stability-image-generator';
import { DynamoGenerationBudget } from '../../shared/adapters/dynamo/generation-budget';
import { DynamoSceneStore } from '../../shared/adapters/dynamo/scene-store';
import { ProceduralImageGenerator } from '../../shared/adapters/procedural/procedural-image-generator';
import { drawStep } from '../../shared/app/scene-steps';
import { generationLimits, sceneTable, systemClock, usesBedrock } from '../../shared/scenes/scene-env';
import { pendingImageStore } from '../../shared/scenes/scene-storage';
import { sceneTaskLambda } from '../../shared/scenes/scene-task-lambda';
import { sceneTask } from '../../shared/scenes/scene-tasks';

/** Scene workflow task DrawScene: draws with the configured model (Bedrock), one attempt. */
export const handler = sceneTaskLambda((env) => {
  // one client for the table, however many stores read it
  const table = sceneTable(env);
  const step = drawStep({
    generator: usesBedrock(env)
      ? new StabilityImageGenerator({ client: new BedrockRuntimeClient({}), modelId: env.SCENES_MODEL_ID })
      : new ProceduralImageGenerator(),
    pending: pendingImageStore(env),
    scenes: new DynamoSceneStore(table),
    clock: systemClock,
    budget: new DynamoGenerationBudget(table),
    limits: generationLimits(env),
  });
  return sceneTask('DrawScene', ({ prepared, attempt }) => step(prepared, attempt));
});
