import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoSceneStore } from '../../shared/adapters/dynamo/scene-store';
import { newSceneJob } from '../../shared/domain/scenes/scene-job';
import { createLocalSceneWorkflow } from '../../shared/local/scene-workflow-runner';
import { type SceneTaskId, sceneWorkflowTasks } from '../../shared/scenes/scene-task-table';
import type { sceneTaskHandlers } from '../../shared/scenes/scene-tasks';
import { lambdaContext } from '../api/support/events';
import { createTestStore, type TestStore } from '../support/dynamodb';
import { uniqueId } from '../support/game-fixtures';

/**
 * The workflow's Lambda entry points (functions/workflow/), cold-started from
 * the environment the CDK gives them (here: the procedural provider and a
 * folder for images), running the whole definition.
 */

type Handler = (event: unknown, context: Context) => Promise<unknown>;

let db: TestStore;
let dir: string;
let handlers: Record<SceneTaskId, Handler>;

beforeAll(async () => {
  db = await createTestStore();
  dir = await mkdtemp(join(tmpdir(), 'questline-scene-lambdas-'));
  Object.assign(process.env, {
    TABLE_NAME: db.tableName,
    DYNAMODB_ENDPOINT: db.endpoint,
    SCENES_PROVIDER: 'procedural',
    SCENES_DIR: dir,
    SCENES_BASE_URL: 'http://127.0.0.1:3000',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  vi.resetModules();
  const entries = await Promise.all(
    sceneWorkflowTasks.map(
      async (task) => [task.id, (await import(`../../${task.entry}`)).handler as Handler] as const,
    ),
  );
  handlers = Object.fromEntries(entries) as Record<SceneTaskId, Handler>;
});
afterAll(async () => {
  for (const key of ['SCENES_PROVIDER', 'SCENES_DIR', 'SCENES_BASE_URL']) delete process.env[key];
  await rm(dir, { recursive: true, force: true });
});

describe('the scene workflow through its Lambda handlers', () => {
  it('completes a job with the procedural renderer, images in the folder, from the environment alone', async () => {
    const scenes = new DynamoSceneStore({ client: db.client, tableName: db.tableName });
    const job = newSceneJob({
      jobId: uniqueId('job'),
      userId: uniqueId('ada'),
      sceneLevel: 2,
      trigger: 'requested',
      now: new Date(),
    });
    await scenes.createJob(job);
    const viaLambda = Object.fromEntries(
      Object.entries(handlers).map(([id, handler]) => [
        id,
        (input: unknown) => handler(input, lambdaContext(id)),
      ]),
    ) as ReturnType<typeof sceneTaskHandlers>;

    const execution = await createLocalSceneWorkflow(viaLambda, { fastRetries: true }).run(job);

    expect(execution.status).toBe('SUCCEEDED');
    const done = await scenes.getJob(job.userId, job.jobId);
    expect(done).toMatchObject({ status: 'completed', scene: { drawnBy: 'procedural-v1', fallback: false } });
  });

  it('fails a task whose input does not parse, naming the field', async () => {
    await expect(
      handlers.DrawScene({ prepared: {}, attempt: 3 }, lambdaContext('DrawScene')),
    ).rejects.toThrow(/attempt|prepared/);
  });
});
