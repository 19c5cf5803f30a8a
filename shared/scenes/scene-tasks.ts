import * as z from 'zod';
import { SCENE_ERROR_CODES, type SceneSteps } from '../app/scene-steps';
import type { SceneTaskId } from './scene-task-table';

/**
 * What each task of the scene workflow takes (the state's Parameters,
 * validated: a Task's input is an edge like any other) and which step it
 * runs. Shared by the Lambda handlers (functions/workflow/) and the local
 * runtime, so both run exactly the same thing.
 */

const ref = { userId: z.string().min(1), jobId: z.string().min(1) };
const codes = z.array(z.string().min(1));

const prepared = z.object({
  ...ref,
  sceneLevel: z.number().int().min(0).max(6),
  look: z.object({
    level: z.number().int().min(0).max(6),
    color: z.string().min(1),
    accessories: codes,
    clothing: codes,
    features: codes,
    patterns: codes,
  }),
  prompt: z.string().min(1),
  cacheKey: z.string().min(1),
  drawnBy: z.string().min(1),
  cached: z.boolean(),
});

const drawn = z.object({
  ...ref,
  pendingKey: z.string().min(1),
  cacheKey: z.string().min(1),
  drawnBy: z.string().min(1),
  fallback: z.boolean(),
});

const done = z.object({
  ...ref,
  cacheKey: z.string().min(1),
  drawnBy: z.string().min(1),
  fallback: z.boolean(),
});

export const sceneTaskInputs = {
  PrepareScene: z.object(ref),
  DrawScene: z.object({ prepared, attempt: z.number().int().min(1).max(2) }),
  DrawFallbackScene: z.object({ prepared }),
  ModerateScene: z.object({ drawn }),
  StoreScene: z.object({ drawn }),
  RecordScene: z.object({ done: done.passthrough() }),
  FailScene: z.object({ ...ref, errorCode: z.enum(SCENE_ERROR_CODES) }),
} satisfies Record<SceneTaskId, z.ZodType>;

export type SceneTaskHandler = (input: unknown) => Promise<unknown>;

/**
 * A task: its input parsed with the task's schema, then handed to its step.
 * A bad input fails the task, and the workflow's Catch takes over.
 */
export function sceneTask<K extends SceneTaskId>(
  task: K,
  run: (input: z.output<(typeof sceneTaskInputs)[K]>) => Promise<unknown>,
): SceneTaskHandler {
  return async (input) => run(sceneTaskInputs[task].parse(input) as z.output<(typeof sceneTaskInputs)[K]>);
}

/** Every task over one set of steps (the local runtime, tests). */
export function sceneTaskHandlers(steps: SceneSteps): Record<SceneTaskId, SceneTaskHandler> {
  return {
    PrepareScene: sceneTask('PrepareScene', steps.prepare),
    DrawScene: sceneTask('DrawScene', ({ prepared, attempt }) => steps.draw(prepared, attempt)),
    DrawFallbackScene: sceneTask('DrawFallbackScene', ({ prepared }) => steps.drawFallback(prepared)),
    ModerateScene: sceneTask('ModerateScene', ({ drawn }) => steps.moderate(drawn)),
    StoreScene: sceneTask('StoreScene', ({ drawn }) => steps.store(drawn)),
    RecordScene: sceneTask('RecordScene', ({ done }) => steps.record(done)),
    FailScene: sceneTask('FailScene', steps.fail),
  };
}
