import * as z from 'zod';
import {
  type drawFallbackStep,
  type drawStep,
  type failStep,
  type moderateStep,
  type prepareStep,
  type recordStep,
  SCENE_ERROR_CODES,
  type SceneSteps,
  type storeStep,
} from '../app/scene-steps';
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

/*
 * Each task's input parsed, then its step run: a bad input fails the task,
 * and the workflow's Catch takes over. One runner per task, so a Lambda
 * bundle holds only its own step.
 */
export const runPrepare =
  (prepare: ReturnType<typeof prepareStep>): SceneTaskHandler =>
  async (input) =>
    prepare(sceneTaskInputs.PrepareScene.parse(input));
export const runDraw =
  (draw: ReturnType<typeof drawStep>): SceneTaskHandler =>
  async (input) => {
    const { prepared, attempt } = sceneTaskInputs.DrawScene.parse(input);
    return draw(prepared, attempt);
  };
export const runDrawFallback =
  (drawFallback: ReturnType<typeof drawFallbackStep>): SceneTaskHandler =>
  async (input) =>
    drawFallback(sceneTaskInputs.DrawFallbackScene.parse(input).prepared);
export const runModerate =
  (moderate: ReturnType<typeof moderateStep>): SceneTaskHandler =>
  async (input) =>
    moderate(sceneTaskInputs.ModerateScene.parse(input).drawn);
export const runStore =
  (store: ReturnType<typeof storeStep>): SceneTaskHandler =>
  async (input) =>
    store(sceneTaskInputs.StoreScene.parse(input).drawn);
export const runRecord =
  (record: ReturnType<typeof recordStep>): SceneTaskHandler =>
  async (input) =>
    record(sceneTaskInputs.RecordScene.parse(input).done);
export const runFail =
  (fail: ReturnType<typeof failStep>): SceneTaskHandler =>
  async (input) =>
    fail(sceneTaskInputs.FailScene.parse(input));

/** Every task over one set of steps (the local runtime, tests). */
export function sceneTaskHandlers(steps: SceneSteps): Record<SceneTaskId, SceneTaskHandler> {
  return {
    PrepareScene: runPrepare(steps.prepare),
    DrawScene: runDraw(steps.draw),
    DrawFallbackScene: runDrawFallback(steps.drawFallback),
    ModerateScene: runModerate(steps.moderate),
    StoreScene: runStore(steps.store),
    RecordScene: runRecord(steps.record),
    FailScene: runFail(steps.fail),
  };
}
