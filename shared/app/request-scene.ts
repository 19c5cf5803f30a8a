import { NotFoundError, RuleRefusedError } from '../domain/errors';
import {
  newSceneJob,
  type SceneJob,
  type SceneTrigger,
  type StoredScene,
  sceneFailedEvent,
} from '../domain/scenes/scene-job';
import type { GameStore } from '../ports/game';
import type { Clock } from '../ports/operations';
import type { SceneStore, SceneWorkflowStarter } from '../ports/scenes';
import type { Cooldown } from '../ports/shop';

/** Seed 000 s8: a user may ask for a scene once every five minutes. */
export const SCENE_REQUEST_COOLDOWN_SECONDS = 300;
/** What a client is told to expect: a model draws in seconds, the workflow adds a few more. */
export const ESTIMATED_SCENE_SECONDS = 20;

export interface SceneRequestDeps {
  store: Pick<GameStore, 'getProfile'>;
  scenes: SceneStore;
  cooldown: Cooldown;
  starter: SceneWorkflowStarter;
  clock: Clock;
  /** a new, unique job id (a ULID) */
  newJobId: () => string;
}

export interface SceneRequest {
  userId: string;
  /** default: the user's current scene level */
  sceneLevel?: number;
  trigger: SceneTrigger;
  /** a trigger's own id makes a redelivered trigger start the same job (a milestone's event id, say) */
  jobId?: string;
  /** a new drawing, even when the image of the monster's look is stored already */
  regenerate?: boolean;
}

/**
 * Queues a scene job and starts the workflow. A level above the user's own
 * is refused (scene_level_locked: it is earned with XP, not asked for). Only
 * the user's own requests take the cooldown slot; milestones and monster
 * changes are the game's doing. If the workflow cannot start, the job fails
 * (scene.failed) rather than wait forever.
 */
export function makeRequestScene(deps: SceneRequestDeps) {
  return async (request: SceneRequest): Promise<SceneJob> => {
    const now = deps.clock.now();
    const reached = (await deps.store.getProfile(request.userId))?.sceneLevel ?? 0;
    const sceneLevel = request.sceneLevel ?? reached;
    if (sceneLevel > reached) {
      throw new RuleRefusedError(
        'scene_level_locked',
        `Scene level ${sceneLevel} is above the level reached, ${reached}`,
      );
    }
    if (request.trigger === 'requested') {
      await deps.cooldown.claim(request.userId, 'scenes', now, SCENE_REQUEST_COOLDOWN_SECONDS);
    }
    const job = await deps.scenes.createJob(
      newSceneJob({
        jobId: request.jobId ?? deps.newJobId(),
        userId: request.userId,
        sceneLevel,
        trigger: request.trigger,
        now,
        regenerate: request.regenerate,
      }),
    );
    // A redelivered trigger finds its job already under way or done: nothing to start again.
    if (job.status !== 'queued') return job;
    try {
      await deps.starter.start(job);
    } catch (error) {
      await deps.scenes.failJob(job, 'start_failed', sceneFailedEvent(job, 'start_failed'), deps.clock.now());
      throw error;
    }
    return job;
  };
}

/** The user's own job; another user's job id is not found. */
export function makeGetSceneJob(deps: Pick<SceneRequestDeps, 'scenes'>) {
  return async (userId: string, jobId: string): Promise<SceneJob> => {
    const job = await deps.scenes.getJob(userId, jobId);
    if (!job) throw new NotFoundError('scene_job', jobId);
    return job;
  };
}

/** The gallery: the user's scene at each level reached so far. */
export function makeListScenes(deps: Pick<SceneRequestDeps, 'scenes'>) {
  return (userId: string): Promise<StoredScene[]> => deps.scenes.listScenes(userId);
}
