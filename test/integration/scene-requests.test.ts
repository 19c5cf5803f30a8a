import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoCooldown } from '../../shared/adapters/dynamo/rate-limiter';
import { DynamoSceneStore } from '../../shared/adapters/dynamo/scene-store';
import { makeRecordActivity } from '../../shared/app/record-activity';
import {
  makeGetSceneJob,
  makeRequestScene,
  SCENE_REQUEST_COOLDOWN_SECONDS,
  type SceneRequestDeps,
} from '../../shared/app/request-scene';
import { NotFoundError, RateLimitedError, RuleRefusedError } from '../../shared/domain/errors';
import type { SceneWorkflowStarter } from '../../shared/ports/scenes';
import { createTestStore, type TestStore } from '../support/dynamodb';
import { activityFor, depsFor, uniqueId } from '../support/game-fixtures';

let db: TestStore;
beforeAll(async () => {
  db = await createTestStore();
});

/** A starter that records what it was asked to start, or fails. */
function recordingStarter(fail = false): SceneWorkflowStarter & { started: string[] } {
  const started: string[] = [];
  return {
    started,
    async start(job) {
      if (fail) throw new Error('injected: Step Functions unavailable');
      started.push(job.jobId);
    },
  };
}

function requestsWith(opts: { starter?: SceneWorkflowStarter; at?: () => Date } = {}) {
  const deps: SceneRequestDeps = {
    store: db.store,
    scenes: new DynamoSceneStore({ client: db.client, tableName: db.tableName }),
    cooldown: new DynamoCooldown({ client: db.client, tableName: db.tableName }),
    starter: opts.starter ?? recordingStarter(),
    clock: { now: opts.at ?? (() => new Date()) },
    newJobId: () => uniqueId('job'),
  };
  return { deps, request: makeRequestScene(deps), getJob: makeGetSceneJob(deps) };
}

/** A user who has reached scene level 2 (500 XP). */
async function userAtLevelTwo(): Promise<string> {
  const userId = uniqueId('ada');
  const record = makeRecordActivity(depsFor(db.store));
  await record(activityFor(userId, 'custom', { amount: 500 }));
  await record(activityFor(userId, 'custom', { amount: 20 }));
  expect((await db.store.getProfile(userId))?.sceneLevel).toBe(2);
  return userId;
}

describe('asking for a scene', () => {
  it("queues a job at the user's level and starts the workflow for it", async () => {
    const starter = recordingStarter();
    const { request, getJob } = requestsWith({ starter });
    const userId = await userAtLevelTwo();
    const job = await request({ userId, trigger: 'requested' });
    expect(job).toMatchObject({ userId, sceneLevel: 2, status: 'queued', trigger: 'requested' });
    expect(starter.started).toEqual([job.jobId]);
    expect(await getJob(userId, job.jobId)).toEqual(job);
  });

  it('refuses a level not reached yet (422 scene_level_locked), starting nothing', async () => {
    const starter = recordingStarter();
    const { request } = requestsWith({ starter });
    const userId = await userAtLevelTwo();
    await expect(request({ userId, sceneLevel: 3, trigger: 'requested' })).rejects.toMatchObject({
      name: RuleRefusedError.name,
      code: 'scene_level_locked',
    });
    expect(starter.started).toEqual([]);
  });

  it('lets a user ask once per five minutes, saying how long to wait', async () => {
    let now = Date.now();
    const { request } = requestsWith({ at: () => new Date(now) });
    const userId = await userAtLevelTwo();
    await request({ userId, sceneLevel: 1, trigger: 'requested' });
    now += 60_000;
    const refused = request({ userId, sceneLevel: 1, trigger: 'requested' });
    await expect(refused).rejects.toBeInstanceOf(RateLimitedError);
    await expect(refused).rejects.toMatchObject({ retryAfterSeconds: SCENE_REQUEST_COOLDOWN_SECONDS - 60 });
    now += (SCENE_REQUEST_COOLDOWN_SECONDS - 60) * 1000;
    expect((await request({ userId, sceneLevel: 1, trigger: 'requested' })).status).toBe('queued');
  });

  it("does not count the game's own triggers, and starts one job per trigger id however often it comes", async () => {
    const starter = recordingStarter();
    const { request } = requestsWith({ starter });
    const userId = await userAtLevelTwo();
    const first = await request({ userId, trigger: 'milestone', jobId: 'ms-evt-1' });
    const again = await request({ userId, trigger: 'milestone', jobId: 'ms-evt-1' });
    expect(again).toEqual(first);
    expect(starter.started).toEqual(['ms-evt-1', 'ms-evt-1']);
    expect((await request({ userId, trigger: 'requested' })).status).toBe('queued');
  });

  it('fails the job when the workflow cannot start, rather than leave it queued', async () => {
    const { request, getJob } = requestsWith({ starter: recordingStarter(true) });
    const userId = await userAtLevelTwo();
    await expect(request({ userId, trigger: 'monster_changed', jobId: 'mc-1' })).rejects.toThrow('injected');
    expect(await getJob(userId, 'mc-1')).toMatchObject({ status: 'failed', errorCode: 'start_failed' });
  });

  it("finds no job of another user's", async () => {
    const { request, getJob } = requestsWith();
    const userId = await userAtLevelTwo();
    const job = await request({ userId, trigger: 'requested' });
    await expect(getJob(uniqueId('eve'), job.jobId)).rejects.toBeInstanceOf(NotFoundError);
  });
});
