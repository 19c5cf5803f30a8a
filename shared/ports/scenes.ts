import type { SceneLook } from '../domain/monster/scene-look';
import type { SceneJob, StoredScene } from '../domain/scenes/scene-job';
import type { DomainEvent } from '../domain/types';

/**
 * The interfaces the scene workflow depends on: drawing an image, moderating
 * it, storing its renditions. On AWS: Bedrock, Rekognition and S3
 * (shared/adapters/bedrock, rekognition, s3); locally and as the fallback:
 * the procedural renderer and files on disk.
 */

/** What the built-in renderer's images are drawn by (part of their cache key); they cost nothing. */
export const PROCEDURAL_RENDERER = 'procedural-v1';

/** The sizes every scene is stored at: the full image and two thumbnails (seed 000, DESIGN.md). */
export const SCENE_RENDITIONS = [
  { name: 'full', size: 1024 },
  { name: 'medium', size: 512 },
  { name: 'thumb', size: 200 },
] as const;

export type RenditionName = (typeof SCENE_RENDITIONS)[number]['name'];

/**
 * Where a cache key's renditions are stored, relative to the images' base URL
 * (CloudFront on AWS, `/` of the local runtime): content-addressed, so a
 * path's image never changes.
 */
export function sceneImagePaths(cacheKey: string): Record<RenditionName, string> {
  const paths = {} as Record<RenditionName, string>;
  for (const { name } of SCENE_RENDITIONS) paths[name] = `scenes/${cacheKey}/${name}.webp`;
  return paths;
}

export interface Rendition {
  name: RenditionName;
  /** width and height, in pixels */
  size: number;
  contentType: 'image/webp';
  bytes: Buffer;
}

export interface GeneratedImage {
  /** PNG from a model, SVG from the procedural renderer: both go through the same renditions */
  bytes: Buffer;
  contentType: 'image/png' | 'image/svg+xml';
  /** the seed the image was drawn with (a retry after a rejection draws with another) */
  seed: number;
}

export interface ImageRequest {
  /** built from catalog names only (shared/domain/monster/prompt.ts): what a model draws from */
  prompt: string;
  /** the parts themselves: what the procedural renderer draws from */
  look: SceneLook;
  seed: number;
}

export interface ImageGenerator {
  /** what draws the images (a model id, or the procedural renderer's version): part of the cache key */
  readonly drawnBy: string;
  /** Throws ImageFilteredError when the model's own content filter refused. */
  generate(request: ImageRequest): Promise<GeneratedImage>;
}

/** The model refused to draw (its content filter), or drew nothing usable: the workflow falls back. */
export class ImageFilteredError extends Error {
  override readonly name = 'ImageFilteredError';
  constructor(readonly reason: string) {
    super(`the image model refused: ${reason}`);
  }
}

export interface ModerationLabel {
  name: string;
  /** the top-level category (e.g. "Explicit"), absent for a top-level label itself */
  parent?: string;
  /** 0-100 */
  confidence: number;
}

export interface ImageModerator {
  /** A PNG or JPEG image; approved when no label reaches the configured confidence. */
  moderate(image: Buffer): Promise<{ approved: boolean; labels: ModerationLabel[] }>;
}

export interface SceneImageStore {
  /** Stores the renditions under the cache key (content-addressed: a key's images never change). */
  put(cacheKey: string, renditions: readonly Rendition[]): Promise<Record<RenditionName, string>>;
  /** Whether the images of a cache key are stored already (the cache hit: nothing to draw). */
  has(cacheKey: string): Promise<boolean>;
}

/**
 * Images between the workflow's steps: a state machine passes JSON, not
 * images, so a drawn image waits here (a private prefix that expires) until
 * it is moderated and stored.
 */
export interface PendingImageStore {
  put(key: string, image: GeneratedImage): Promise<void>;
  get(key: string): Promise<GeneratedImage>;
}

/** The renditions of an image (sharp, in shared/adapters/procedural/renditions.ts). */
export type RenditionMaker = (image: Buffer) => Promise<Rendition[]>;

/** A job already finished (completed or failed): it never changes again. */
export class SceneJobFinishedError extends Error {
  override readonly name = 'SceneJobFinishedError';
}

/** Scene jobs and the scenes they record, in the user's partition. */
export interface SceneStore {
  /** Creates the job, or answers the stored one when its id exists (a retried start). */
  createJob(job: SceneJob): Promise<SceneJob>;
  /** The user's job, or null: another user's job id finds nothing. */
  getJob(userId: string, jobId: string): Promise<SceneJob | null>;
  /** queued -> processing (processing stays: a retried step); SceneJobFinishedError when finished. */
  startJob(userId: string, jobId: string, now: Date): Promise<SceneJob>;
  /** The progress of a processing job; SceneJobFinishedError when finished. */
  setProgress(userId: string, jobId: string, progress: number, now: Date): Promise<void>;
  /**
   * One transaction: the job completed with its scene, the level's scene
   * (unless a newer one is recorded), and the event in the outbox. A retry
   * of the same completion answers the completed job.
   */
  completeJob(job: SceneJob, scene: StoredScene, event: DomainEvent, now: Date): Promise<SceneJob>;
  /** One transaction: the job failed with its code, and the event in the outbox. */
  failJob(job: SceneJob, errorCode: string, event: DomainEvent, now: Date): Promise<SceneJob>;
  getScene(userId: string, sceneLevel: number): Promise<StoredScene | null>;
  /** Every level's scene, by level. */
  listScenes(userId: string): Promise<StoredScene[]>;
}

/** Starts the workflow for a queued job (Step Functions on AWS, in-process locally). */
export interface SceneWorkflowStarter {
  /** Idempotent by job id: starting the same job again starts nothing new. */
  start(job: { userId: string; jobId: string }): Promise<void>;
}

/** Paid generations per day: for one user, and for everyone together. */
export interface GenerationLimits {
  perUserDaily: number;
  globalDaily: number;
}

/** The model refused by budget: the user or the deployment used up today's paid generations. */
export class GenerationBudgetExceededError extends Error {
  override readonly name = 'GenerationBudgetExceededError';
  constructor(readonly which: 'user' | 'global') {
    super(`today's ${which === 'user' ? 'per-user' : 'global'} scene generation budget is used up`);
  }
}

export interface GenerationBudget {
  /**
   * Counts one paid generation for the user today (UTC), or throws
   * GenerationBudgetExceededError when either limit is reached: then nothing
   * is counted, and the procedural renderer draws instead.
   */
  consume(userId: string, now: Date, limits: GenerationLimits): Promise<void>;
}
