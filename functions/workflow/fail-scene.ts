import { DynamoSceneStore } from '../../shared/adapters/dynamo/scene-store';
import { failStep } from '../../shared/app/scene-steps';
import { sceneTable, systemClock } from '../../shared/scenes/scene-env';
import { sceneTaskLambda } from '../../shared/scenes/scene-task-lambda';
import { sceneTask } from '../../shared/scenes/scene-tasks';

/** Scene workflow task FailScene: fails the job with its step's code, in one transaction. */
export const handler = sceneTaskLambda((env) =>
  sceneTask('FailScene', failStep({ scenes: new DynamoSceneStore(sceneTable(env)), clock: systemClock })),
);
