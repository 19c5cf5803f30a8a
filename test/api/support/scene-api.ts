import type { Context } from 'aws-lambda';
import { expect, vi } from 'vitest';
import type { HttpEvent } from '../../../shared/http/types';
import { createTestStore, type TestStore } from '../../support/dynamodb';
import { type Auth, httpEvent, invoke } from './events';
import { adjustmentEvent, uniqueId } from './requests';
import { startSceneWorkflow } from './scene-workflow';

type Handler = (event: HttpEvent, context: Context) => Promise<unknown>;

export interface SceneApi {
  requestScene: Handler;
  getMySceneJob: Handler;
  listMyScenes: Handler;
  getMyMonster: Handler;
  updateMyMonster: Handler;
  adjustUserBalance: Handler;
  /** the milestone trigger, invoked as EventBridge would */
  startMilestoneScene: (event: unknown, context: Context) => Promise<unknown>;
  table: TestStore;
  workflow: Awaited<ReturnType<typeof startSceneWorkflow>>;
}

/** A fresh table, the scene workflow as the local runtime runs it, and the real handlers, loaded cold. */
export async function loadSceneApi(): Promise<SceneApi> {
  const table = await createTestStore();
  Object.assign(process.env, {
    TABLE_NAME: table.tableName,
    DYNAMODB_ENDPOINT: table.endpoint,
    AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  const workflow = await startSceneWorkflow();
  vi.resetModules();
  const [request, job, list, monster, update, adjust, milestone] = await Promise.all([
    import('../../../functions/http/me/request-scene'),
    import('../../../functions/http/me/get-my-scene-job'),
    import('../../../functions/http/me/list-my-scenes'),
    import('../../../functions/http/me/get-my-monster'),
    import('../../../functions/http/me/update-my-monster'),
    import('../../../functions/http/internal/adjust-user-balance'),
    import('../../../functions/events/start-milestone-scene'),
  ]);
  return {
    requestScene: request.handler as Handler,
    getMySceneJob: job.handler as Handler,
    listMyScenes: list.handler as Handler,
    getMyMonster: monster.handler as Handler,
    updateMyMonster: update.handler as Handler,
    adjustUserBalance: adjust.handler as Handler,
    startMilestoneScene: milestone.handler as SceneApi['startMilestoneScene'],
    table,
    workflow,
  };
}

export const requestSceneEvent = (auth: Auth, body?: unknown) =>
  httpEvent({ method: 'POST', route: '/v1/me/scenes', auth, ...(body !== undefined && { body }) });

export const sceneJobEvent = (auth: Auth, jobId: string) =>
  httpEvent({ method: 'GET', route: '/v1/me/scenes/jobs/{job_id}', pathParameters: { job_id: jobId }, auth });

export const myScenesEvent = (auth: Auth) => httpEvent({ method: 'GET', route: '/v1/me/scenes', auth });

/** A new user with `xp` granted through the adjustment route (250 XP reaches scene level 1, 500 level 2). */
export async function userWithXp(api: SceneApi, xp: number, prefix = 'artist'): Promise<string> {
  const userId = uniqueId(prefix);
  if (xp > 0) {
    const body = { event_id: uniqueId('grant'), direction: 'grant', xp, reason: 'test grant' };
    expect((await invoke(api.adjustUserBalance, adjustmentEvent(userId, body))).statusCode).toBe(201);
  }
  return userId;
}
