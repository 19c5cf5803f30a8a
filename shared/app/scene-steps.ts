import { defaultMonster } from '../domain/monster/monster';
import { buildScenePrompt } from '../domain/monster/prompt';
import { type SceneLook, sceneCacheKey, sceneLook } from '../domain/monster/scene-look';
import {
  type SceneJob,
  type StoredScene,
  sceneFailedEvent,
  sceneGeneratedEvent,
} from '../domain/scenes/scene-job';
import type { Clock } from '../ports/operations';
import {
  type GenerationBudget,
  type GenerationLimits,
  type ImageGenerator,
  type ImageModerator,
  type ModerationLabel,
  type PendingImageStore,
  PROCEDURAL_RENDERER,
  type RenditionMaker,
  type SceneImageStore,
  type SceneStore,
  sceneImagePaths,
} from '../ports/scenes';
import type { MonsterStore } from '../ports/shop';
import type { Rules } from '../rules/schema';

/**
 * The scene workflow's steps, one use case each: the state machine (one
 * Lambda task per step on AWS, the same ASL run in-process locally) calls
 * them in order and carries their small JSON results from one to the next;
 * images wait in the pending store between steps.
 *
 *   prepare -> (cached? record) -> draw -> moderate -> (rejected? draw again, then fallback)
 *           -> store -> record;   any failure -> fail
 */

export interface SceneStepDeps {
  rules: Rules;
  clock: Clock;
  scenes: SceneStore;
  monsters: Pick<MonsterStore, 'getMonster'>;
  /** the configured generator: Bedrock, or the procedural renderer */
  generator: ImageGenerator;
  /** the procedural renderer: what answers when the generator refuses or fails */
  fallback: ImageGenerator;
  moderator: ImageModerator;
  images: SceneImageStore;
  pending: PendingImageStore;
  renditions: RenditionMaker;
  /** where stored images are served from (CloudFront, or the local runtime's /) */
  imagesBaseUrl: string;
  /** paid generations per day; the procedural renderer draws beyond them */
  budget: GenerationBudget;
  limits: GenerationLimits;
}

export interface JobRef {
  userId: string;
  jobId: string;
}

export interface Prepared extends JobRef {
  sceneLevel: number;
  look: SceneLook;
  prompt: string;
  /** the key of the configured generator's image of this look */
  cacheKey: string;
  drawnBy: string;
  /** the images of that key are stored already: nothing to draw */
  cached: boolean;
}

export interface Drawn extends JobRef {
  pendingKey: string;
  cacheKey: string;
  drawnBy: string;
  fallback: boolean;
}

/** What the workflow tells the user went wrong, by step. */
export const SCENE_ERROR_CODES = [
  'preparation_failed',
  'generation_failed',
  'moderation_failed',
  'storage_failed',
  'recording_failed',
  'start_failed',
] as const;
export type SceneErrorCode = (typeof SCENE_ERROR_CODES)[number];

type Deps<K extends keyof SceneStepDeps> = Pick<SceneStepDeps, K>;

/**
 * Each step is its own factory over just the dependencies it touches, so a
 * task's Lambda bundle holds only its own clients (the moderation task has
 * no Bedrock client, the drawing task no Rekognition one).
 */

/** The job starts; the look, the prompt (catalog names only) and whether its image is stored already. */
export function prepareStep(
  deps: Deps<'rules' | 'clock' | 'scenes' | 'monsters' | 'images'> & { drawnBy: string },
) {
  return async (ref: JobRef): Promise<Prepared> => {
    const started = await deps.scenes.startJob(ref.userId, ref.jobId, deps.clock.now());
    const monster = (await deps.monsters.getMonster(ref.userId)) ?? defaultMonster(deps.rules);
    const look = sceneLook(deps.rules, monster, started.sceneLevel);
    // A requested new drawing gets a key of its own (the job's), so it is drawn, not found.
    const cacheKey = sceneCacheKey(look, deps.drawnBy, started.regenerate ? started.jobId : undefined);
    return {
      ...ref,
      sceneLevel: look.level,
      look,
      prompt: buildScenePrompt(deps.rules, monster, look.level),
      cacheKey,
      drawnBy: deps.drawnBy,
      cached: !started.regenerate && (await deps.images.has(cacheKey)),
    };
  };
}

/**
 * Draws with the configured generator; `attempt` picks the seed, so a retry
 * draws another image. Each paid drawing counts against the day's budgets
 * first; over either, GenerationBudgetExceededError sends the workflow to the
 * procedural fallback.
 */
export function drawStep(deps: Deps<'generator' | 'pending' | 'scenes' | 'clock' | 'budget' | 'limits'>) {
  return async (prepared: Prepared, attempt: number): Promise<Drawn> => {
    if (deps.generator.drawnBy !== PROCEDURAL_RENDERER) {
      await deps.budget.consume(prepared.userId, deps.clock.now(), deps.limits);
    }
    const seed = seedOf(prepared.cacheKey, attempt);
    const image = await deps.generator.generate({ prompt: prepared.prompt, look: prepared.look, seed });
    const pendingKey = `pending/${prepared.jobId}/${attempt}`;
    await deps.pending.put(pendingKey, image);
    await deps.scenes.setProgress(prepared.userId, prepared.jobId, 40 + 10 * attempt, deps.clock.now());
    return {
      ...ref(prepared),
      pendingKey,
      cacheKey: prepared.cacheKey,
      drawnBy: prepared.drawnBy,
      fallback: false,
    };
  };
}

/** The procedural renderer's image of the look: what the user gets when the model cannot draw it. */
export function drawFallbackStep(deps: Deps<'fallback' | 'pending'>) {
  return async (prepared: Prepared): Promise<Drawn> => {
    const image = await deps.fallback.generate({ prompt: prepared.prompt, look: prepared.look, seed: 0 });
    const pendingKey = `pending/${prepared.jobId}/fallback`;
    await deps.pending.put(pendingKey, image);
    return {
      ...ref(prepared),
      pendingKey,
      cacheKey: sceneCacheKey(prepared.look, deps.fallback.drawnBy),
      drawnBy: deps.fallback.drawnBy,
      fallback: true,
    };
  };
}

/** Moderates a drawn image; nothing rejected is ever stored where it could be shown. */
export function moderateStep(deps: Deps<'pending' | 'moderator'>) {
  return async (drawn: Drawn): Promise<{ approved: boolean; labels: ModerationLabel[] }> => {
    if (drawn.fallback) return { approved: true, labels: [] };
    const image = await deps.pending.get(drawn.pendingKey);
    return deps.moderator.moderate(image.bytes);
  };
}

/** WebP renditions of the approved image, stored under its cache key. */
export function storeStep(deps: Deps<'pending' | 'images' | 'renditions' | 'scenes' | 'clock'>) {
  return async (drawn: Drawn): Promise<Drawn> => {
    const image = await deps.pending.get(drawn.pendingKey);
    await deps.images.put(drawn.cacheKey, await deps.renditions(image.bytes));
    await deps.scenes.setProgress(drawn.userId, drawn.jobId, 90, deps.clock.now());
    return drawn;
  };
}

/** The job completed with its scene, the level's scene and scene.generated: one transaction. */
export function recordStep(deps: Deps<'scenes' | 'clock' | 'imagesBaseUrl'>) {
  return async (
    done: Pick<Drawn, 'userId' | 'jobId' | 'cacheKey' | 'drawnBy' | 'fallback'>,
  ): Promise<SceneJob> => {
    const current = await existingJob(deps, done);
    const at = deps.clock.now();
    const scene: StoredScene = {
      sceneLevel: current.sceneLevel,
      cacheKey: done.cacheKey,
      paths: sceneImagePaths(done.cacheKey),
      drawnBy: done.drawnBy,
      fallback: done.fallback,
      jobId: current.jobId,
      generatedAt: at.toISOString(),
    };
    return deps.scenes.completeJob(
      current,
      scene,
      sceneGeneratedEvent(current, scene, deps.imagesBaseUrl),
      at,
    );
  };
}

/** The job failed with the step's code, and scene.failed: one transaction; the user keeps their scene. */
export function failStep(deps: Deps<'scenes' | 'clock'>) {
  return async (failed: JobRef & { errorCode: SceneErrorCode }): Promise<SceneJob> => {
    const current = await existingJob(deps, failed);
    return deps.scenes.failJob(
      current,
      failed.errorCode,
      sceneFailedEvent(current, failed.errorCode),
      deps.clock.now(),
    );
  };
}

/** Every step over one set of dependencies (the local runtime, tests). */
export function makeSceneSteps(deps: SceneStepDeps) {
  return {
    prepare: prepareStep({ ...deps, drawnBy: deps.generator.drawnBy }),
    draw: drawStep(deps),
    drawFallback: drawFallbackStep(deps),
    moderate: moderateStep(deps),
    store: storeStep(deps),
    record: recordStep(deps),
    fail: failStep(deps),
  };
}

export type SceneSteps = ReturnType<typeof makeSceneSteps>;

const ref = ({ userId, jobId }: JobRef): JobRef => ({ userId, jobId });

async function existingJob(deps: Deps<'scenes'>, { userId, jobId }: JobRef): Promise<SceneJob> {
  const found = await deps.scenes.getJob(userId, jobId);
  if (!found) throw new Error(`scene job ${jobId} of ${userId} does not exist`);
  return found;
}

/** A seed per image and attempt: stable for a retried step, another one for a new attempt. */
function seedOf(cacheKey: string, attempt: number): number {
  return (Number.parseInt(cacheKey.slice(0, 8), 16) + attempt * 7919) % 4_294_967_295;
}
