import { RekognitionClient } from '@aws-sdk/client-rekognition';
import { ProceduralImageModerator } from '../../shared/adapters/procedural/procedural-image-generator';
import { RekognitionModerator } from '../../shared/adapters/rekognition/rekognition-moderator';
import { moderateStep } from '../../shared/app/scene-steps';
import { usesBedrock } from '../../shared/scenes/scene-env';
import { pendingImageStore } from '../../shared/scenes/scene-storage';
import { sceneTaskLambda } from '../../shared/scenes/scene-task-lambda';
import { sceneTask } from '../../shared/scenes/scene-tasks';

/** Scene workflow task ModerateScene: moderates a drawn image (Rekognition). */
export const handler = sceneTaskLambda((env) => {
  const step = moderateStep({
    pending: pendingImageStore(env),
    moderator: usesBedrock(env)
      ? new RekognitionModerator({
          client: new RekognitionClient({}),
          minConfidence: env.SCENES_MIN_CONFIDENCE,
        })
      : new ProceduralImageModerator(),
  });
  return sceneTask('ModerateScene', ({ drawn }) => step(drawn));
});
