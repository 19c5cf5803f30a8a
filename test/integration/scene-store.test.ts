import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractFor } from '../../events/catalog';
import { envelopeSchema } from '../../events/envelope';
import { outboxKey } from '../../shared/adapters/dynamo/keys';
import { outboxRecordEnvelopes } from '../../shared/adapters/dynamo/outbox-record';
import { DynamoSceneStore } from '../../shared/adapters/dynamo/scene-store';
import {
  newSceneJob,
  type SceneJob,
  type StoredScene,
  sceneFailedEvent,
  sceneGeneratedEvent,
} from '../../shared/domain/scenes/scene-job';
import { SceneJobFinishedError, sceneImagePaths } from '../../shared/ports/scenes';
import { createTestStore, type TestStore } from '../support/dynamodb';
import { uniqueId } from '../support/game-fixtures';

const BASE_URL = 'https://scenes.example.com';
let db: TestStore;
let store: DynamoSceneStore;

beforeAll(async () => {
  db = await createTestStore();
  store = new DynamoSceneStore({ client: db.client, tableName: db.tableName });
});

const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 12, minute));

function jobFor(userId: string, sceneLevel = 2, jobId = uniqueId('job')): SceneJob {
  return newSceneJob({ jobId, userId, sceneLevel, trigger: 'requested', now: at(0) });
}

function sceneOf(job: SceneJob, cacheKey: string, minute: number): StoredScene {
  return {
    sceneLevel: job.sceneLevel,
    cacheKey,
    paths: sceneImagePaths(cacheKey),
    drawnBy: 'procedural-v1',
    fallback: false,
    jobId: job.jobId,
    generatedAt: at(minute).toISOString(),
  };
}

/** The events the job's outbox item will publish, each checked against its contract. */
async function outboxOf(job: SceneJob) {
  const { Item } = await db.doc.send(
    new GetCommand({ TableName: db.tableName, Key: outboxKey(job.userId, job.jobId), ConsistentRead: true }),
  );
  if (!Item) return [];
  return outboxRecordEnvelopes(Item).map((envelope) =>
    envelopeSchema(contractFor(envelope.metadata.type).schema).parse(envelope),
  );
}

async function complete(job: SceneJob, cacheKey: string, minute: number) {
  const scene = sceneOf(job, cacheKey, minute);
  return store.completeJob(job, scene, sceneGeneratedEvent(job, scene, BASE_URL), at(minute));
}

describe('scene jobs', () => {
  it("are created once per id and found only in their user's partition", async () => {
    const job = jobFor(uniqueId('ada'));
    expect(await store.createJob(job)).toEqual(job);
    expect(await store.createJob({ ...job, sceneLevel: 5 })).toEqual(job);
    expect(await store.getJob(job.userId, job.jobId)).toEqual(job);
    expect(await store.getJob(uniqueId('eve'), job.jobId)).toBeNull();
  });

  it('start once (a retried start keeps processing) and report their progress', async () => {
    const job = jobFor(uniqueId('ada'));
    await store.createJob(job);
    expect(await store.startJob(job.userId, job.jobId, at(1))).toMatchObject({
      status: 'processing',
      progress: 10,
    });
    expect(await store.startJob(job.userId, job.jobId, at(2))).toMatchObject({ status: 'processing' });
    await store.setProgress(job.userId, job.jobId, 60, at(3));
    expect(await store.getJob(job.userId, job.jobId)).toMatchObject({
      progress: 60,
      updatedAt: at(3).toISOString(),
    });
  });

  it("complete in one transaction: the job, the level's scene and scene.generated in the outbox", async () => {
    const job = jobFor(uniqueId('ada'), 3);
    await store.createJob(job);
    const processing = await store.startJob(job.userId, job.jobId, at(1));
    const done = await complete(processing, 'key-a', 2);
    expect(done).toMatchObject({
      status: 'completed',
      progress: 100,
      scene: { cacheKey: 'key-a', sceneLevel: 3 },
    });
    expect(await store.getJob(job.userId, job.jobId)).toEqual(done);
    expect(await store.getScene(job.userId, 3)).toEqual(done.scene);
    const [event, ...more] = await outboxOf(job);
    expect(more).toEqual([]);
    expect(event?.metadata).toMatchObject({
      type: 'scene.generated',
      user_id: job.userId,
      correlation_id: job.jobId,
    });
    expect(event?.data).toMatchObject({
      job_id: job.jobId,
      scene_level: 3,
      image_url: `${BASE_URL}/scenes/key-a/full.webp`,
      thumbnails: {
        medium: `${BASE_URL}/scenes/key-a/medium.webp`,
        thumb: `${BASE_URL}/scenes/key-a/thumb.webp`,
      },
    });
  });

  it('answer a retried completion with the completed job, and refuse a different one', async () => {
    const job = jobFor(uniqueId('ada'));
    await store.createJob(job);
    const processing = await store.startJob(job.userId, job.jobId, at(1));
    const done = await complete(processing, 'key-a', 2);
    expect(await complete(processing, 'key-a', 2)).toEqual(done);
    await expect(complete(processing, 'key-b', 3)).rejects.toBeInstanceOf(SceneJobFinishedError);
    await expect(store.startJob(job.userId, job.jobId, at(4))).rejects.toBeInstanceOf(SceneJobFinishedError);
    expect(await store.getScene(job.userId, job.sceneLevel)).toMatchObject({ cacheKey: 'key-a' });
  });

  it('never let a late job replace a newer scene of the same level (but still complete)', async () => {
    const userId = uniqueId('ada');
    const [early, late] = [jobFor(userId, 4), jobFor(userId, 4)];
    for (const job of [early, late]) {
      await store.createJob(job);
      await store.startJob(userId, job.jobId, at(1));
    }
    await complete({ ...late, status: 'processing' }, 'newer', 10);
    const earlyDone = await complete({ ...early, status: 'processing' }, 'older', 5);
    expect(earlyDone.status).toBe('completed');
    expect(await store.getScene(userId, 4)).toMatchObject({ cacheKey: 'newer', jobId: late.jobId });
    expect((await outboxOf(early)).map((e) => e.metadata.type)).toEqual(['scene.generated']);
  });

  it('fail in one transaction with scene.failed, recording no scene; a finished job cannot fail', async () => {
    const job = jobFor(uniqueId('ada'), 1);
    await store.createJob(job);
    const failed = await store.failJob(job, 'storage_failed', sceneFailedEvent(job, 'storage_failed'), at(2));
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'storage_failed' });
    expect(await store.getJob(job.userId, job.jobId)).toMatchObject({
      status: 'failed',
      errorCode: 'storage_failed',
    });
    expect(await store.getScene(job.userId, 1)).toBeNull();
    expect((await outboxOf(job)).map((e) => [e.metadata.type, e.data.error_code])).toEqual([
      ['scene.failed', 'storage_failed'],
    ]);
    expect(
      await store.failJob(job, 'storage_failed', sceneFailedEvent(job, 'storage_failed'), at(3)),
    ).toMatchObject({
      status: 'failed',
    });
    await expect(store.failJob(job, 'other', sceneFailedEvent(job, 'other'), at(3))).rejects.toBeInstanceOf(
      SceneJobFinishedError,
    );
  });

  it('list the gallery: one scene per level, by level', async () => {
    const userId = uniqueId('ada');
    for (const level of [5, 0, 2]) {
      const job = jobFor(userId, level);
      await store.createJob(job);
      await complete(await store.startJob(userId, job.jobId, at(1)), `key-${level}`, 2);
    }
    expect((await store.listScenes(userId)).map((s) => [s.sceneLevel, s.cacheKey])).toEqual([
      [0, 'key-0'],
      [2, 'key-2'],
      [5, 'key-5'],
    ]);
    expect(await store.listScenes(uniqueId('nobody'))).toEqual([]);
  });
});
