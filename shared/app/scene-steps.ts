import { defaultMonster } from '../domain/monster/monster';
import { buildScenePrompt } from '../domain/monster/prompt';
import { type SceneLook, sceneCacheKey, sceneLook } from '../domain/monster/scene-look';
import {
  type SceneJob,
  type StoredScene,
  sceneFailedEvent,
  sceneGeneratedEvent,
} from '../domain/scenes/scene-job';
import type { Clock, MonsterStore } from '../ports';
import type { Rules } from '../rules/schema';
import {
  type ImageGenerator,
  type ImageModerator,
  type ModerationLabel,
  type PendingImageStore,
  type RenditionMaker,
  type SceneImageStore,
  type SceneStore,
  sceneImagePaths,
} from '../scene-ports';

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
] as const;
export type SceneErrorCode = (typeof SCENE_ERROR_CODES)[number];

export function makeSceneSteps(deps: SceneStepDeps) {
  const now = () => deps.clock.now();

  const job = async ({ userId, jobId }: JobRef): Promise<SceneJob> => {
    const found = await deps.scenes.getJob(userId, jobId);
    if (!found) throw new Error(`scene job ${jobId} of ${userId} does not exist`);
    return found;
  };

  return {
    /** The job starts; the look, the prompt (catalog names only) and whether its image is stored already. */
    async prepare(ref: JobRef): Promise<Prepared> {
      const started = await deps.scenes.startJob(ref.userId, ref.jobId, now());
      const monster = (await deps.monsters.getMonster(ref.userId)) ?? defaultMonster(deps.rules);
      const look = sceneLook(deps.rules, monster, started.sceneLevel);
      const cacheKey = sceneCacheKey(look, deps.generator.drawnBy);
      return {
        ...ref,
        sceneLevel: look.level,
        look,
        prompt: buildScenePrompt(deps.rules, monster, look.level),
        cacheKey,
        drawnBy: deps.generator.drawnBy,
        cached: await deps.images.has(cacheKey),
      };
    },

    /** Draws with the configured generator; `attempt` picks the seed, so a retry draws another image. */
    async draw(prepared: Prepared, attempt: number): Promise<Drawn> {
      const seed = seedOf(prepared.cacheKey, attempt);
      const image = await deps.generator.generate({ prompt: prepared.prompt, look: prepared.look, seed });
      const pendingKey = `pending/${prepared.jobId}/${attempt}`;
      await deps.pending.put(pendingKey, image);
      await deps.scenes.setProgress(prepared.userId, prepared.jobId, 40 + 10 * attempt, now());
      return {
        ...ref(prepared),
        pendingKey,
        cacheKey: prepared.cacheKey,
        drawnBy: prepared.drawnBy,
        fallback: false,
      };
    },

    /** The procedural renderer's image of the look: what the user gets when the model cannot draw it. */
    async drawFallback(prepared: Prepared): Promise<Drawn> {
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
    },

    /** Moderates a drawn image; nothing rejected is ever stored where it could be shown. */
    async moderate(drawn: Drawn): Promise<{ approved: boolean; labels: ModerationLabel[] }> {
      const image = await deps.pending.get(drawn.pendingKey);
      return drawn.fallback ? { approved: true, labels: [] } : deps.moderator.moderate(image.bytes);
    },

    /** WebP renditions of the approved image, stored under its cache key. */
    async store(drawn: Drawn): Promise<Drawn> {
      const image = await deps.pending.get(drawn.pendingKey);
      await deps.images.put(drawn.cacheKey, await deps.renditions(image.bytes));
      await deps.scenes.setProgress(drawn.userId, drawn.jobId, 90, now());
      return drawn;
    },

    /** The job completed with its scene, the level's scene and scene.generated: one transaction. */
    async record(
      done: Pick<Drawn, 'userId' | 'jobId' | 'cacheKey' | 'drawnBy' | 'fallback'>,
    ): Promise<SceneJob> {
      const current = await job(done);
      const at = now();
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
    },

    /** The job failed with the step's code, and scene.failed: one transaction; the user keeps their scene. */
    async fail(failed: JobRef & { errorCode: SceneErrorCode }): Promise<SceneJob> {
      const current = await job(failed);
      return deps.scenes.failJob(
        current,
        failed.errorCode,
        sceneFailedEvent(current, failed.errorCode),
        now(),
      );
    },
  };
}

export type SceneSteps = ReturnType<typeof makeSceneSteps>;

const ref = ({ userId, jobId }: JobRef): JobRef => ({ userId, jobId });

/** A seed per image and attempt: stable for a retried step, another one for a new attempt. */
function seedOf(cacheKey: string, attempt: number): number {
  return (Number.parseInt(cacheKey.slice(0, 8), 16) + attempt * 7919) % 4_294_967_295;
}
