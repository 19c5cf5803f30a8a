import { DynamoSceneStore } from '../../shared/adapters/dynamo/scene-store';
import { webpRenditions } from '../../shared/adapters/procedural/renditions';
import { storeStep } from '../../shared/app/scene-steps';
import { sceneTable, systemClock } from '../../shared/scenes/scene-env';
import { pendingImageStore, sceneImageStore } from '../../shared/scenes/scene-storage';
import { sceneTaskLambda } from '../../shared/scenes/scene-task-lambda';
import { sceneTask } from '../../shared/scenes/scene-tasks';

/** Scene workflow task StoreScene: WebP renditions (sharp), stored under the cache key. */
export const handler = sceneTaskLambda((env) => {
  const step = storeStep({
    pending: pendingImageStore(env),
    images: sceneImageStore(env),
    renditions: webpRenditions,
    scenes: new DynamoSceneStore(sceneTable(env)),
    clock: systemClock,
  });
  return sceneTask('StoreScene', ({ drawn }) => step(drawn));
});
