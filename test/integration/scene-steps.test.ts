import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoMonsterStore } from '../../shared/adapters/dynamo/monster-store';
import { DynamoSceneStore } from '../../shared/adapters/dynamo/scene-store';
import { FilePendingImageStore } from '../../shared/adapters/procedural/file-pending-image-store';
import { FileSceneImageStore } from '../../shared/adapters/procedural/file-scene-image-store';
import {
  ProceduralImageGenerator,
  ProceduralImageModerator,
} from '../../shared/adapters/procedural/procedural-image-generator';
import { webpRenditions } from '../../shared/adapters/procedural/renditions';
import { makeSceneSteps, type Prepared, type SceneStepDeps } from '../../shared/app/scene-steps';
import { defaultMonster } from '../../shared/domain/monster/monster';
import { newSceneJob } from '../../shared/domain/scenes/scene-job';
import { defaultRules } from '../../shared/rules/load';
import {
  type GeneratedImage,
  ImageFilteredError,
  type ImageGenerator,
  type ImageModerator,
  type ImageRequest,
  type SceneImageStore,
} from '../../shared/scene-ports';
import { createTestStore, type TestStore } from '../support/dynamodb';
import { uniqueId } from '../support/game-fixtures';

/**
 * The scene workflow's steps against DynamoDB Local and files on disk, called
 * in the order the state machine calls them, with a stand-in "model" (PNGs
 * drawn by sharp) whose refusals and moderation verdicts each test chooses.
 */

let db: TestStore;
let root: string;
beforeAll(async () => {
  db = await createTestStore();
  root = await mkdtemp(join(tmpdir(), 'questline-scene-steps-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A model that draws a flat PNG per seed, or refuses the seeds it is told to. */
function fakeModel(opts: { refuse?: boolean } = {}): ImageGenerator & { calls: ImageRequest[] } {
  const calls: ImageRequest[] = [];
  return {
    drawnBy: 'stability.stable-image-core-v1:1',
    calls,
    async generate(request): Promise<GeneratedImage> {
      calls.push(request);
      if (opts.refuse) throw new ImageFilteredError('Filter reason: output image');
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
    rules: defaultRules,
    clock: { now: () => new Date() },
    scenes: new DynamoSceneStore({ doc: db.doc, tableName: db.tableName }),
    monsters: new DynamoMonsterStore({ doc: db.doc, tableName: db.tableName }),
    generator: fakeModel(),
    fallback: new ProceduralImageGenerator(),
    moderator: new ProceduralImageModerator(),
    images: new FileSceneImageStore(join(root, 'images')),
    pending: new FilePendingImageStore(join(root, 'pending')),
    renditions: webpRenditions,
    imagesBaseUrl: 'http://127.0.0.1:3000',
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

/** The state machine's path, as its ASL will take it: up to two drawings, then the fallback. */
async function run(steps: ReturnType<typeof stepsWith>['steps'], prepared: Prepared) {
  if (prepared.cached) return steps.record({ ...prepared, fallback: false });
  for (const attempt of [1, 2]) {
    let drawn: Awaited<ReturnType<typeof steps.draw>>;
    try {
      drawn = await steps.draw(prepared, attempt);
    } catch (error) {
      if (error instanceof ImageFilteredError) break;
      throw error;
    }
    if ((await steps.moderate(drawn)).approved) return steps.record(await steps.store(drawn));
  }
  return steps.record(await steps.store(await steps.drawFallback(prepared)));
}

describe('the scene workflow steps', () => {
  it('draw, moderate, store and record a scene: the images stored under the look, the level showing them', async () => {
    const model = fakeModel();
    const { deps, steps } = stepsWith({ generator: model, moderator: fakeModerator(0) });
    const job = await queuedJob(deps, 3);
    const prepared = await steps.prepare(job);
    expect(prepared).toMatchObject({ sceneLevel: 3, cached: false, drawnBy: model.drawnBy });
    expect(prepared.prompt).not.toContain(defaultMonster(defaultRules).name);

    const done = await run(steps, prepared);

    expect(done).toMatchObject({
      status: 'completed',
      progress: 100,
      scene: { fallback: false, drawnBy: model.drawnBy },
    });
    expect(model.calls).toHaveLength(1);
    expect(await deps.images.has(prepared.cacheKey)).toBe(true);
    expect(await deps.scenes.getScene(job.userId, 3)).toMatchObject({
      cacheKey: prepared.cacheKey,
      jobId: job.jobId,
    });
  });

  it('draw nothing when the same look is stored already (another user, same monster)', async () => {
    const { deps, steps } = stepsWith({ moderator: fakeModerator(0) });
    await run(steps, await steps.prepare(await queuedJob(deps, 1)));
    const model = fakeModel();
    const second = stepsWith({ generator: model });
    const prepared = await second.steps.prepare(await queuedJob(second.deps, 1));
    expect(prepared.cached).toBe(true);
    expect((await run(second.steps, prepared)).status).toBe('completed');
    expect(model.calls).toEqual([]);
  });

  it('draw again with another seed after a rejection, and store only the approved image', async () => {
    const model = fakeModel();
    const moderator = fakeModerator(1);
    const { deps, steps } = stepsWith({ generator: model, moderator });
    const done = await run(steps, await steps.prepare(await queuedJob(deps, 4)));
    expect(model.calls.map((c) => c.seed)).toHaveLength(2);
    expect(new Set(model.calls.map((c) => c.seed)).size).toBe(2);
    expect(done.scene).toMatchObject({ fallback: false });
  });

  it('fall back to the procedural scene after two rejections, or when the model refuses', async () => {
    for (const overrides of [{ moderator: fakeModerator(2) }, { generator: fakeModel({ refuse: true }) }]) {
      const { deps, steps } = stepsWith(overrides);
      const job = await queuedJob(deps, 5);
      const done = await run(steps, await steps.prepare(job));
      expect(done.scene).toMatchObject({ fallback: true, drawnBy: 'procedural-v1' });
      expect(await deps.images.has(done.scene?.cacheKey ?? '')).toBe(true);
    }
  });

  it('fail the job when storing fails: scene.failed, and nothing recorded for the level', async () => {
    const broken: SceneImageStore = {
      has: async () => false,
      put: async () => {
        throw new Error('injected: the bucket refused');
      },
    };
    const { deps, steps } = stepsWith({ images: broken, moderator: fakeModerator(0) });
    const job = await queuedJob(deps, 6);
    const prepared = await steps.prepare(job);
    const drawn = await steps.draw(prepared, 1);
    await expect(steps.store(drawn)).rejects.toThrow('injected');
    const failed = await steps.fail({ ...job, errorCode: 'storage_failed' });
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'storage_failed' });
    expect(await deps.scenes.getScene(job.userId, 6)).toBeNull();
  });
});
