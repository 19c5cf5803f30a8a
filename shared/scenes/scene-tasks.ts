import * as z from 'zod';
import { SCENE_ERROR_CODES, type SceneSteps } from '../app/scene-steps';
import type { SceneTaskId } from './scene-workflow';

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

/** Each task's step, its input parsed first (a bad input fails the task, and the workflow's Catch takes over). */
export function sceneTaskHandlers(steps: SceneSteps): Record<SceneTaskId, SceneTaskHandler> {
  return {
    PrepareScene: async (input) => steps.prepare(sceneTaskInputs.PrepareScene.parse(input)),
    DrawScene: async (input) => {
      const { prepared, attempt } = sceneTaskInputs.DrawScene.parse(input);
      return steps.draw(prepared, attempt);
    },
    DrawFallbackScene: async (input) =>
      steps.drawFallback(sceneTaskInputs.DrawFallbackScene.parse(input).prepared),
    ModerateScene: async (input) => steps.moderate(sceneTaskInputs.ModerateScene.parse(input).drawn),
    StoreScene: async (input) => steps.store(sceneTaskInputs.StoreScene.parse(input).drawn),
    RecordScene: async (input) => steps.record(sceneTaskInputs.RecordScene.parse(input).done),
    FailScene: async (input) => steps.fail(sceneTaskInputs.FailScene.parse(input)),
  };
}
