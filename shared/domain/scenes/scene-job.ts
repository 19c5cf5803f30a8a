import type { DomainEvent } from '../types';
import { sceneImageUrls } from './scene-images';

/**
 * A scene job: one request for a user's scene at one level, from whatever
 * started it (an XP milestone, a monster change, or the user asking), to a
 * stored scene or a failure. Jobs only move forward: queued -> processing ->
 * completed | failed; a finished job never changes again.
 */

export type SceneJobStatus = 'queued' | 'processing' | 'completed' | 'failed';
export type SceneTrigger = 'milestone' | 'monster_changed' | 'requested';

/** The stored images of a scene, as paths relative to the images' base URL. */
export interface ScenePaths {
  full: string;
  medium: string;
  thumb: string;
}

export interface SceneJob {
  jobId: string;
  userId: string;
  sceneLevel: number;
  trigger: SceneTrigger;
  status: SceneJobStatus;
  /** 0..100, for a progress bar */
  progress: number;
  createdAt: string;
  updatedAt: string;
  /** set when completed */
  scene?: StoredScene;
  /** set when failed: the step that failed (`generation_failed`, `storage_failed`, ...) */
  errorCode?: string;
  /** the user asked for a new drawing, not the stored image of the same look */
  regenerate?: boolean;
}

/** A user's scene at one level: the latest completed job's images. */
export interface StoredScene {
  sceneLevel: number;
  cacheKey: string;
  paths: ScenePaths;
  /** the model id, or the procedural renderer's version */
  drawnBy: string;
  /** drawn by the procedural renderer because the model refused, failed or was over budget */
  fallback: boolean;
  jobId: string;
  generatedAt: string;
}

export const FINISHED: readonly SceneJobStatus[] = ['completed', 'failed'];

export function newSceneJob(opts: {
  jobId: string;
  userId: string;
  sceneLevel: number;
  trigger: SceneTrigger;
  now: Date;
  regenerate?: boolean;
}): SceneJob {
  const at = opts.now.toISOString();
  return {
    jobId: opts.jobId,
    userId: opts.userId,
    sceneLevel: opts.sceneLevel,
    trigger: opts.trigger,
    status: 'queued',
    progress: 0,
    createdAt: at,
    updatedAt: at,
    ...(opts.regenerate ? { regenerate: true } : {}),
  };
}

/** The events of a completed job; URLs are absolute (the images' base URL + path). */
export function sceneGeneratedEvent(job: SceneJob, scene: StoredScene, imagesBaseUrl: string): DomainEvent {
  const { imageUrl, thumbnails } = sceneImageUrls(scene.paths, imagesBaseUrl);
  return {
    detailType: 'scene.generated',
    data: {
      user_id: job.userId,
      job_id: job.jobId,
      scene_level: scene.sceneLevel,
      image_url: imageUrl,
      thumbnails,
      drawn_by: scene.drawnBy,
      fallback: scene.fallback,
    },
  };
}

export function sceneFailedEvent(job: SceneJob, errorCode: string): DomainEvent {
  return {
    detailType: 'scene.failed',
    data: { user_id: job.userId, job_id: job.jobId, scene_level: job.sceneLevel, error_code: errorCode },
  };
}
