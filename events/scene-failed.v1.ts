import * as z from 'zod';

/**
 * One per failed scene job: nothing new was recorded for the level, and the
 * user keeps the scene they had (if any). `error_code` says which step failed.
 */

export const detailType = 'scene.failed';
export const version = 1;

export const schema = z
  .object({
    user_id: z.string().min(1),
    job_id: z.string().min(1),
    scene_level: z.number().int().min(0).max(6),
    error_code: z.string().min(1),
  })
  .strict();

export type SceneFailed = z.infer<typeof schema>;
