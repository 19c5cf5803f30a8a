import * as z from 'zod';

/**
 * One per completed scene job: the user's scene for a level is ready. The
 * URLs are absolute and immutable (content-addressed): a client may cache
 * them forever. `fallback` is true when the procedural renderer drew it
 * because the model refused, failed or was over budget.
 */

export const detailType = 'scene.generated';
export const version = 1;

export const schema = z
  .object({
    user_id: z.string().min(1),
    job_id: z.string().min(1),
    scene_level: z.number().int().min(0).max(6),
    image_url: z.url(),
    thumbnails: z.object({ medium: z.url(), thumb: z.url() }).strict(),
    /** the model id, or the procedural renderer's version */
    drawn_by: z.string().min(1),
    fallback: z.boolean(),
  })
  .strict();

export type SceneGenerated = z.infer<typeof schema>;
