import { ProceduralImageGenerator } from '../../shared/adapters/procedural/procedural-image-generator';
import { drawFallbackStep } from '../../shared/app/scene-steps';
import { pendingImageStore } from '../../shared/scenes/scene-storage';
import { sceneTaskLambda } from '../../shared/scenes/scene-task-lambda';
import { sceneTask } from '../../shared/scenes/scene-tasks';

/** Scene workflow task DrawFallbackScene: draws with the procedural renderer. */
export const handler = sceneTaskLambda((env) => {
  const step = drawFallbackStep({
    fallback: new ProceduralImageGenerator(),
    pending: pendingImageStore(env),
  });
  return sceneTask('DrawFallbackScene', ({ prepared }) => step(prepared));
});
