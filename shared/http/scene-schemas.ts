import * as z from 'zod';
import { SCENE_ERROR_CODES } from '../app/scene-steps';

/** Request and response schemas of the scene routes. */

const sceneLevel = z.number().int().min(0).max(6);
const instant = z.string().describe('ISO 8601 instant, UTC');

/** No body (or `{}`): my current level's scene, the stored image when my look was drawn before. */
export const sceneRequestBodySchema = z
  .object({
    scene_level: sceneLevel
      .optional()
      .describe('a level reached so far (0-6); default: my current scene level'),
    regenerate: z
      .boolean()
      .optional()
      .describe('true: a new drawing, even when the image of my look is stored already'),
  })
  .strict();

export const sceneJobPathSchema = z
  .object({
    job_id: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'a scene job id, as POST /v1/me/scenes answered it'),
  })
  .strict();

export const sceneRequestedResponseSchema = z.object({
  job_id: z.string(),
  status: z.literal('queued'),
  scene_level: sceneLevel,
  estimated_seconds: z.number().int().min(1).describe('how long a scene usually takes; poll the job after'),
});

const thumbnails = z.object({ medium: z.url().describe('512 px'), thumb: z.url().describe('200 px') });

export const sceneJobResponseSchema = z.object({
  job_id: z.string(),
  status: z.enum(['queued', 'processing', 'completed', 'failed']),
  scene_level: sceneLevel,
  trigger: z.enum(['milestone', 'monster_changed', 'requested']),
  progress: z.number().int().min(0).max(100).describe('percent, for a progress bar'),
  image_url: z.url().nullable().describe('completed: the 1024 px WebP; immutable, cache it forever'),
  thumbnails: thumbnails.nullable(),
  fallback: z
    .boolean()
    .nullable()
    .describe(
      'completed: true when the built-in renderer drew it (the model refused, failed or was over budget)',
    ),
  error_code: z.enum(SCENE_ERROR_CODES).nullable().describe('failed: the step that failed'),
  created_at: instant,
  updated_at: instant,
  generated_at: instant.nullable(),
});

export const scenesResponseSchema = z.object({
  scenes: z
    .array(
      z.object({
        scene_level: sceneLevel,
        image_url: z.url(),
        thumbnails,
        fallback: z.boolean(),
        job_id: z.string(),
        generated_at: instant,
      }),
    )
    .describe('one per level drawn so far, lowest level first'),
});
