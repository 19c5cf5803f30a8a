import * as z from 'zod';
import type { SceneJob, SceneJobStatus, StoredScene } from '../../domain/scenes/scene-job';
import { parseItem } from './items';
import { sceneJobKey } from './keys';

/**
 * How scene jobs (SCENEJOB#<id>) and scenes (SCENE#<level>) are stored, and
 * the schemas they are parsed with on read. A completed job carries its
 * scene, so polling the job answers the image without a second read.
 */

/** A job is worth keeping a month: long enough for any client to poll its outcome. */
export const SCENE_JOB_RETENTION_SECONDS = 30 * 24 * 60 * 60;

const paths = z.object({ full: z.string().min(1), medium: z.string().min(1), thumb: z.string().min(1) });

const sceneFields = {
  scene_level: z.number().int().min(0).max(6),
  cache_key: z.string().min(1),
  paths,
  drawn_by: z.string().min(1),
  fallback: z.boolean(),
  job_id: z.string().min(1),
  generated_at: z.string().min(1),
};
export const sceneItemSchema = z.object({ pk: z.string(), sk: z.string(), ...sceneFields });
const storedSceneSchema = z.object(sceneFields);

const jobItemSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  job_id: z.string().min(1),
  user_id: z.string().min(1),
  scene_level: z.number().int().min(0).max(6),
  trigger: z.enum(['milestone', 'monster_changed', 'requested']),
  status: z.enum(['queued', 'processing', 'completed', 'failed']),
  progress: z.number().int().min(0).max(100),
  created_at: z.string().min(1),
  updated_at: z.string().min(1),
  error_code: z.string().min(1).optional(),
  scene: storedSceneSchema.optional(),
  regenerate: z.boolean().optional(),
  expires_at: z.number().int(),
});

export function jobItem(job: SceneJob): Record<string, unknown> {
  return {
    ...sceneJobKey(job.userId, job.jobId),
    job_id: job.jobId,
    user_id: job.userId,
    scene_level: job.sceneLevel,
    trigger: job.trigger,
    status: job.status,
    progress: job.progress,
    created_at: job.createdAt,
    updated_at: job.updatedAt,
    ...(job.regenerate ? { regenerate: true } : {}),
    expires_at: Math.floor(Date.parse(job.createdAt) / 1000) + SCENE_JOB_RETENTION_SECONDS,
  };
}

export function jobOf(item: Record<string, unknown>): SceneJob {
  const j = parseItem(jobItemSchema, item);
  return {
    jobId: j.job_id,
    userId: j.user_id,
    sceneLevel: j.scene_level,
    trigger: j.trigger,
    status: j.status,
    progress: j.progress,
    createdAt: j.created_at,
    updatedAt: j.updated_at,
    ...(j.error_code ? { errorCode: j.error_code } : {}),
    ...(j.scene ? { scene: sceneOf(j.scene) } : {}),
    ...(j.regenerate ? { regenerate: true } : {}),
  };
}

export function storedSceneAttribute(scene: StoredScene) {
  return {
    scene_level: scene.sceneLevel,
    cache_key: scene.cacheKey,
    paths: scene.paths,
    drawn_by: scene.drawnBy,
    fallback: scene.fallback,
    job_id: scene.jobId,
    generated_at: scene.generatedAt,
  };
}

export function sceneOf(s: z.output<typeof storedSceneSchema>): StoredScene {
  return {
    sceneLevel: s.scene_level,
    cacheKey: s.cache_key,
    paths: s.paths,
    drawnBy: s.drawn_by,
    fallback: s.fallback,
    jobId: s.job_id,
    generatedAt: s.generated_at,
  };
}

/**
 * An update of a job's fields (snake_case attribute names) allowed only while
 * the job is in one of `statuses`: jobs only move forward, and every write to
 * one says from where.
 */
export function jobUpdate(
  tableName: string,
  job: { userId: string; jobId: string },
  fields: Record<string, unknown>,
  statuses: readonly SceneJobStatus[],
) {
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = {};
  const sets = Object.entries(fields).map(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:f${i}`] = value;
    return `#f${i} = :f${i}`;
  });
  const allowed = statuses.map((status, i) => {
    values[`:s${i}`] = status;
    return `:s${i}`;
  });
  return {
    TableName: tableName,
    Key: sceneJobKey(job.userId, job.jobId),
    UpdateExpression: `SET ${sets.join(', ')}`,
    ConditionExpression: `#status IN (${allowed.join(', ')})`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
