import { DynamoSceneStore } from '../../shared/adapters/dynamo/scene-store';
import { recordStep } from '../../shared/app/scene-steps';
import { sceneTable, systemClock } from '../../shared/scenes/scene-env';
import { sceneTaskLambda } from '../../shared/scenes/scene-task-lambda';
import { sceneTask } from '../../shared/scenes/scene-tasks';

/** Scene workflow task RecordScene: completes the job and records the scene, in one transaction. */
export const handler = sceneTaskLambda((env) => {
  const step = recordStep({
    scenes: new DynamoSceneStore(sceneTable(env)),
    clock: systemClock,
    imagesBaseUrl: env.SCENES_BASE_URL,
  });
  return sceneTask('RecordScene', ({ done }) => step(done));
});
