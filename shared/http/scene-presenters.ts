import type * as z from 'zod';
import { sceneImageUrls } from '../domain/scenes/scene-images';
import type { SceneJob, StoredScene } from '../domain/scenes/scene-job';
import type {
  sceneJobResponseSchema,
  sceneRequestedResponseSchema,
  scenesResponseSchema,
} from './scene-schemas';

type Out<S extends z.ZodType> = z.output<S>;

export function presentSceneRequested(
  job: SceneJob,
  estimatedSeconds: number,
): Out<typeof sceneRequestedResponseSchema> {
  return {
    job_id: job.jobId,
    status: 'queued',
    scene_level: job.sceneLevel,
    estimated_seconds: estimatedSeconds,
  };
}

export function presentSceneJob(job: SceneJob, imagesBaseUrl: string): Out<typeof sceneJobResponseSchema> {
  const urls = job.scene && sceneImageUrls(job.scene.paths, imagesBaseUrl);
  return {
    job_id: job.jobId,
    status: job.status,
    scene_level: job.sceneLevel,
    trigger: job.trigger,
    progress: job.progress,
    image_url: urls?.imageUrl ?? null,
    thumbnails: urls?.thumbnails ?? null,
    fallback: job.scene?.fallback ?? null,
    error_code: (job.errorCode as Out<typeof sceneJobResponseSchema>['error_code']) ?? null,
    created_at: job.createdAt,
    updated_at: job.updatedAt,
    generated_at: job.scene?.generatedAt ?? null,
  };
}

export function presentScenes(
  scenes: readonly StoredScene[],
  imagesBaseUrl: string,
): Out<typeof scenesResponseSchema> {
  return {
    scenes: [...scenes]
      .sort((a, b) => a.sceneLevel - b.sceneLevel)
      .map((scene) => {
        const { imageUrl, thumbnails } = sceneImageUrls(scene.paths, imagesBaseUrl);
        return {
          scene_level: scene.sceneLevel,
          image_url: imageUrl,
          thumbnails,
          fallback: scene.fallback,
          job_id: scene.jobId,
          generated_at: scene.generatedAt,
        };
      }),
  };
}
