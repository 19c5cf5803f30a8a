import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoGenerationBudget } from '../../shared/adapters/dynamo/generation-budget';
import { DynamoMonsterStore } from '../../shared/adapters/dynamo/monster-store';
import { DynamoSceneStore } from '../../shared/adapters/dynamo/scene-store';
import { FilePendingImageStore } from '../../shared/adapters/procedural/file-pending-image-store';
import { FileSceneImageStore } from '../../shared/adapters/procedural/file-scene-image-store';
import {
  ProceduralImageGenerator,
  ProceduralImageModerator,
} from '../../shared/adapters/procedural/procedural-image-generator';
import { webpRenditions } from '../../shared/adapters/procedural/renditions';
import { makeSceneSteps, type SceneStepDeps } from '../../shared/app/scene-steps';
import { defaultMonster } from '../../shared/domain/monster/monster';
import { newSceneJob } from '../../shared/domain/scenes/scene-job';
import { createLocalSceneWorkflow } from '../../shared/local/scene-workflow-runner';
import {
  type GeneratedImage,
  ImageFilteredError,
  type ImageGenerator,
  type ImageModerator,
  type ImageRequest,
  type SceneImageStore,
} from '../../shared/ports/scenes';
import { defaultRules } from '../../shared/rules/load';
import { sceneTaskHandlers } from '../../shared/scenes/scene-tasks';
import { createTestStore, type TestStore } from '../support/dynamodb';
import { uniqueId } from '../support/game-fixtures';

/**
 * The scene workflow end to end but for AWS: its one definition run by
 * aws-local-stepfunctions, each Task the real step against DynamoDB Local
 * and files on disk, with a stand-in "model" (PNGs drawn by sharp) whose
 * refusals, outages, throttling and moderation verdicts each test chooses.
 */

let db: TestStore;
let root: string;
beforeAll(async () => {
  db = await createTestStore();
  root = await mkdtemp(join(tmpdir(), 'questline-scene-steps-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A model that draws a flat PNG per seed; or refuses, is down, or is throttled a few times first. */
function fakeModel(
  opts: { refuse?: boolean; down?: boolean; throttleFirst?: number } = {},
): ImageGenerator & { calls: ImageRequest[] } {
  const calls: ImageRequest[] = [];
  return {
    drawnBy: 'stability.stable-image-core-v1:1',
    calls,
    async generate(request): Promise<GeneratedImage> {
      calls.push(request);
      if (opts.refuse) throw new ImageFilteredError('Filter reason: output image');
      if (opts.down)
        throw Object.assign(new Error('injected: no access to the model'), { name: 'AccessDeniedException' });
      if (calls.length <= (opts.throttleFirst ?? 0)) {
        throw Object.assign(new Error('injected: rate exceeded'), { name: 'ThrottlingException' });
      }
      const bytes = await sharp({
        create: {
          width: 1024,
          height: 1024,
          channels: 3,
          background: { r: request.seed % 255, g: 120, b: 200 },
        },
      })
        .png()
        .toBuffer();
      return { bytes, contentType: 'image/png', seed: request.seed };
    },
  };
}

/** Rejects the first `rejections` images it sees. */
function fakeModerator(rejections: number): ImageModerator & { seen: number } {
  return {
    seen: 0,
    async moderate() {
      this.seen += 1;
      return this.seen <= rejections
        ? { approved: false, labels: [{ name: 'Violence', confidence: 88 }] }
        : { approved: true, labels: [] };
    },
  };
}

function stepsWith(overrides: Partial<SceneStepDeps>) {
  const deps: SceneStepDeps = {
    rules: defaultRules(),
    clock: { now: () => new Date() },
    scenes: new DynamoSceneStore({ client: db.client, tableName: db.tableName }),
    monsters: new DynamoMonsterStore({ client: db.client, tableName: db.tableName }),
    generator: fakeModel(),
    fallback: new ProceduralImageGenerator(),
    moderator: new ProceduralImageModerator(),
    images: new FileSceneImageStore(join(root, 'images')),
    pending: new FilePendingImageStore(join(root, 'pending')),
    renditions: webpRenditions,
    imagesBaseUrl: 'http://127.0.0.1:3000',
    budget: new DynamoGenerationBudget({ client: db.client, tableName: db.tableName }),
    limits: { perUserDaily: 100, globalDaily: 100_000 },
    ...overrides,
  };
  return { deps, steps: makeSceneSteps(deps) };
}

async function queuedJob(deps: SceneStepDeps, sceneLevel = 2, userId = uniqueId('ada')) {
  const job = newSceneJob({
    jobId: uniqueId('job'),
    userId,
    sceneLevel,
    trigger: 'requested',
    now: new Date(),
  });
  await deps.scenes.createJob(job);
  return job;
}

/** One execution of the workflow's definition (aws-local-stepfunctions), each Task running its step. */
function run(steps: ReturnType<typeof stepsWith>['steps'], job: { userId: string; jobId: string }) {
  return createLocalSceneWorkflow(sceneTaskHandlers(steps), { fastRetries: true }).run({
    userId: job.userId,
    jobId: job.jobId,
  });
}

describe('the scene workflow (its definition run by aws-local-stepfunctions, each task its real step)', () => {
  it('draws, moderates, stores and records a scene: the images under the look, the level showing them', async () => {
    const model = fakeModel();
    const { deps, steps } = stepsWith({ generator: model, moderator: fakeModerator(0) });
    const job = await queuedJob(deps, 3);

    expect((await run(steps, job)).status).toBe('SUCCEEDED');

    const done = await deps.scenes.getJob(job.userId, job.jobId);
    expect(done).toMatchObject({
      status: 'completed',
      progress: 100,
      scene: { fallback: false, drawnBy: model.drawnBy },
    });
    expect(model.calls).toHaveLength(1);
    expect(model.calls[0]?.prompt).not.toContain(defaultMonster(defaultRules()).name);
    expect(await deps.images.has(done?.scene?.cacheKey ?? '')).toBe(true);
    expect(await deps.scenes.getScene(job.userId, 3)).toEqual(done?.scene);
  });

  it('draws nothing when the same look is stored already (another user, same monster)', async () => {
    const first = stepsWith({ moderator: fakeModerator(0) });
    await run(first.steps, await queuedJob(first.deps, 1));
    const model = fakeModel();
    const second = stepsWith({ generator: model });
    const job = await queuedJob(second.deps, 1);
    expect((await run(second.steps, job)).status).toBe('SUCCEEDED');
    expect(model.calls).toEqual([]);
    expect(await second.deps.scenes.getJob(job.userId, job.jobId)).toMatchObject({ status: 'completed' });
  });

  it('draws again with another seed after a rejection, and stores only the approved image', async () => {
    const model = fakeModel();
    const { deps, steps } = stepsWith({ generator: model, moderator: fakeModerator(1) });
    const job = await queuedJob(deps, 4);
    await run(steps, job);
    expect(new Set(model.calls.map((c) => c.seed)).size).toBe(2);
    expect((await deps.scenes.getJob(job.userId, job.jobId))?.scene).toMatchObject({ fallback: false });
  });

  it('retries a throttled model and then draws', async () => {
    const model = fakeModel({ throttleFirst: 2 });
    const { deps, steps } = stepsWith({ generator: model, moderator: fakeModerator(0) });
    const job = await queuedJob(deps, 2);
    await run(steps, job);
    expect(model.calls).toHaveLength(3);
    expect((await deps.scenes.getJob(job.userId, job.jobId))?.scene).toMatchObject({ fallback: false });
  });

  it('falls back to the procedural scene after two rejections, when the model refuses, or when it is down', async () => {
    for (const overrides of [
      { moderator: fakeModerator(2) },
      { generator: fakeModel({ refuse: true }) },
      { generator: fakeModel({ down: true }) },
    ]) {
      const { deps, steps } = stepsWith(overrides);
      const job = await queuedJob(deps, 5);
      expect((await run(steps, job)).status).toBe('SUCCEEDED');
      const { scene } = (await deps.scenes.getJob(job.userId, job.jobId)) ?? {};
      expect(scene).toMatchObject({ fallback: true, drawnBy: 'procedural-v1' });
      expect(await deps.images.has(scene?.cacheKey ?? '')).toBe(true);
    }
  });

  it("draws with the procedural renderer, calling no model, once the user's paid drawings of the day are used up", async () => {
    const model = fakeModel();
    const { deps, steps } = stepsWith({
      generator: model,
      limits: { perUserDaily: 1, globalDaily: 100_000 },
      // images of its own: another test's stored image of the same look would be a cache hit
      images: new FileSceneImageStore(join(root, uniqueId('images'))),
    });
    const userId = uniqueId('ada');
    await run(steps, await queuedJob(deps, 1, userId));
    expect(model.calls).toHaveLength(1);
    const second = await queuedJob(deps, 2, userId);
    expect((await run(steps, second)).status).toBe('SUCCEEDED');
    expect(model.calls).toHaveLength(1);
    expect((await deps.scenes.getJob(userId, second.jobId))?.scene).toMatchObject({ fallback: true });
  });

  it('fails the job when storing fails: scene.failed, and nothing recorded for the level', async () => {
    const broken: SceneImageStore = {
      has: async () => false,
      put: async () => {
        throw new Error('injected: the bucket refused');
      },
    };
    const { deps, steps } = stepsWith({ images: broken, moderator: fakeModerator(0) });
    const job = await queuedJob(deps, 6);
    expect(await run(steps, job)).toMatchObject({ status: 'FAILED' });
    expect(await deps.scenes.getJob(job.userId, job.jobId)).toMatchObject({
      status: 'failed',
      errorCode: 'storage_failed',
    });
    expect(await deps.scenes.getScene(job.userId, 6)).toBeNull();
  });

  it('fails a job that cannot be prepared (already finished), changing nothing', async () => {
    const { deps, steps } = stepsWith({});
    const job = await queuedJob(deps, 1);
    await deps.scenes.failJob(job, 'generation_failed', { detailType: 'scene.failed', data: {} }, new Date());
    expect(await run(steps, job)).toMatchObject({ status: 'FAILED' });
    expect(await deps.scenes.getJob(job.userId, job.jobId)).toMatchObject({ errorCode: 'generation_failed' });
  });
});
