import { DynamoMonsterStore } from '../../shared/adapters/dynamo/monster-store';
import { DynamoSceneStore } from '../../shared/adapters/dynamo/scene-store';
import { PROCEDURAL_RENDERER } from '../../shared/adapters/procedural/scene-svg';
import { prepareStep } from '../../shared/app/scene-steps';
import { loadActiveRules } from '../../shared/rules/active-rules';
import { sceneTable, systemClock, usesBedrock } from '../../shared/scenes/scene-env';
import { sceneImageStore } from '../../shared/scenes/scene-storage';
import { sceneTaskLambda } from '../../shared/scenes/scene-task-lambda';
import { sceneTask } from '../../shared/scenes/scene-tasks';

/** Scene workflow task PrepareScene: starts the job, builds the look and the prompt, looks up the cache. */
export const handler = sceneTaskLambda((env) => {
  // one client for the table, however many stores read it
  const table = sceneTable(env);
  return sceneTask(
    'PrepareScene',
    prepareStep({
      rules: loadActiveRules(),
      clock: systemClock,
      scenes: new DynamoSceneStore(table),
      monsters: new DynamoMonsterStore(table),
      images: sceneImageStore(env),
      drawnBy: usesBedrock(env) ? (env.SCENES_MODEL_ID as string) : PROCEDURAL_RENDERER,
    }),
  );
});
