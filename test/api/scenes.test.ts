import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toEnvelope } from '../../events/envelope';
import {
  sceneJobResponseSchema,
  sceneRequestedResponseSchema,
  scenesResponseSchema,
} from '../../shared/http/scene-schemas';
import { monsterResponseSchema } from '../../shared/http/shop-schemas';
import { invoke, lambdaContext } from './support/events';
import { asUser, uniqueId } from './support/requests';
import {
  loadSceneApi,
  myScenesEvent,
  requestSceneEvent,
  type SceneApi,
  sceneJobEvent,
  userWithXp,
} from './support/scene-api';
import { SCENES_BASE_URL } from './support/scene-workflow';
import { monsterEvent, putMonsterEvent } from './support/shop-api';

let api: SceneApi;
beforeAll(async () => {
  api = await loadSceneApi();
});
afterAll(() => api.workflow.stop());

/** The job once its workflow has ended. */
async function finishedJob(userId: string, jobId: string) {
  await api.workflow.drain();
  const response = await invoke(api.getMySceneJob, sceneJobEvent(asUser(userId), jobId));
  expect(response.statusCode).toBe(200);
  return response.body;
}

/** The stored file behind an image URL (the base URL is the temporary scenes folder's). */
const fileOf = (url: string) => join(api.workflow.scenesDir, url.slice(SCENES_BASE_URL.length));

describe('POST /v1/me/scenes', () => {
  it('queues my current level by default (202, Location), and the job completes with WebP renditions', async () => {
    const userId = await userWithXp(api, 600);
    const response = await invoke(api.requestScene, requestSceneEvent(asUser(userId)));
    expect(response.statusCode).toBe(202);
    expect(response.body).toEqual({
      job_id: expect.stringMatching(/^scene-[0-9A-Z]{26}$/),
      status: 'queued',
      scene_level: 2,
      estimated_seconds: 20,
    });
    expect(response.headers.location).toBe(`/v1/me/scenes/jobs/${response.body.job_id}`);
    expect(sceneRequestedResponseSchema.safeParse(response.body).success).toBe(true);

    const job = await finishedJob(userId, response.body.job_id);
    expect(job).toMatchObject({ status: 'completed', progress: 100, trigger: 'requested', fallback: false });
    expect(job.error_code).toBeNull();
    expect(sceneJobResponseSchema.safeParse(job).error).toBeUndefined();
    for (const [url, size] of [
      [job.image_url, 1024],
      [job.thumbnails.medium, 512],
      [job.thumbnails.thumb, 200],
    ] as const) {
      expect(url.startsWith(`${SCENES_BASE_URL}scenes/`)).toBe(true);
      const meta = await sharp(await readFile(fileOf(url))).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', size, size]);
    }
  });

  it('shows the new scene in the gallery and on the monster', async () => {
    const userId = await userWithXp(api, 300);
    const { body } = await invoke(api.requestScene, requestSceneEvent(asUser(userId), {}));
    const job = await finishedJob(userId, body.job_id);
    const gallery = await invoke(api.listMyScenes, myScenesEvent(asUser(userId)));
    expect(gallery.body.scenes).toEqual([
      expect.objectContaining({ scene_level: 1, image_url: job.image_url, job_id: body.job_id }),
    ]);
    expect(scenesResponseSchema.safeParse(gallery.body).error).toBeUndefined();
    const monster = await invoke(api.getMyMonster, monsterEvent(asUser(userId)));
    expect(monsterResponseSchema.safeParse(monster.body).error).toBeUndefined();
    expect(monster.body.scene_url).toBe(job.image_url);
    expect(monster.body.scene_thumbnails).toEqual(job.thumbnails);
  });

  it('answers 429 with Retry-After within five minutes of my last request', async () => {
    const userId = await userWithXp(api, 0);
    expect((await invoke(api.requestScene, requestSceneEvent(asUser(userId)))).statusCode).toBe(202);
    const again = await invoke(api.requestScene, requestSceneEvent(asUser(userId)));
    expect(again.statusCode).toBe(429);
    expect(again.body.error.code).toBe('rate_limited');
    const retryAfter = Number(again.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(290);
    expect(retryAfter).toBeLessThanOrEqual(300);
  });

  it('refuses a level not reached yet with 422, using up nothing', async () => {
    const userId = await userWithXp(api, 300);
    const refused = await invoke(api.requestScene, requestSceneEvent(asUser(userId), { scene_level: 2 }));
    expect(refused.statusCode).toBe(422);
    expect(refused.body.error.code).toBe('scene_level_locked');
    const gallery = await invoke(api.listMyScenes, myScenesEvent(asUser(userId)));
    expect(gallery.body.scenes).toEqual([]);
    // the refusal took no cooldown: a level reached is still granted at once
    const granted = await invoke(api.requestScene, requestSceneEvent(asUser(userId), { scene_level: 1 }));
    expect(granted.statusCode).toBe(202);
  });

  it.each([
    ['a string level', { scene_level: '2' }, 'scene_level'],
    ['a level above 6', { scene_level: 7 }, 'scene_level'],
    ['a negative level', { scene_level: -1 }, 'scene_level'],
    ['a fractional level', { scene_level: 1.5 }, 'scene_level'],
    ['a string regenerate', { regenerate: 'yes' }, 'regenerate'],
    ['an unknown field holding a huge string', { colour: 'x'.repeat(10_000) }, 'colour'],
  ])('answers 400 naming the field for %s, and takes no cooldown', async (_case, body, field) => {
    const userId = await userWithXp(api, 600);
    const response = await invoke(api.requestScene, requestSceneEvent(asUser(userId), body));
    expect(response.statusCode).toBe(400);
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    expect((await invoke(api.requestScene, requestSceneEvent(asUser(userId)))).statusCode).toBe(202);
  });

  it('draws the stored look again only when asked to regenerate', async () => {
    const userId = await userWithXp(api, 300);
    const first = await invoke(api.requestScene, requestSceneEvent(asUser(userId)));
    const drawn = await finishedJob(userId, first.body.job_id);
    // Another user with the same monster at the same level shares the image: nothing is drawn again.
    const twin = await userWithXp(api, 300);
    const shared = await invoke(api.requestScene, requestSceneEvent(asUser(twin)));
    expect((await finishedJob(twin, shared.body.job_id)).image_url).toBe(drawn.image_url);

    const other = await userWithXp(api, 300);
    const regenerated = await invoke(
      api.requestScene,
      requestSceneEvent(asUser(other), { regenerate: true }),
    );
    expect((await finishedJob(other, regenerated.body.job_id)).image_url).not.toBe(drawn.image_url);
  });

  it('answers 401 without a token', async () => {
    expect((await invoke(api.requestScene, requestSceneEvent({ kind: 'none' }))).statusCode).toBe(401);
  });
});

describe('GET /v1/me/scenes/jobs/{job_id}', () => {
  it("answers 404 for another user's job and 400 for a malformed id", async () => {
    const owner = await userWithXp(api, 0);
    const { body } = await invoke(api.requestScene, requestSceneEvent(asUser(owner)));
    const stranger = await invoke(
      api.getMySceneJob,
      sceneJobEvent(asUser(uniqueId('stranger')), body.job_id),
    );
    expect(stranger.statusCode).toBe(404);
    expect(stranger.body.error.code).toBe('scene_job_not_found');
    const malformed = await invoke(api.getMySceneJob, sceneJobEvent(asUser(owner), '../x'));
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body.error.details[0].field).toBe('job_id');
  });
});

describe('what starts a scene besides a request', () => {
  it('a new look: PUT /v1/me/monster names the job drawing it; a new name starts nothing', async () => {
    const userId = await userWithXp(api, 0);
    const renamed = await invoke(api.updateMyMonster, putMonsterEvent(asUser(userId), { name: 'Blob' }));
    expect(renamed.body).toMatchObject({ needs_scene_regeneration: false, scene_job_id: null });
    const recolored = await invoke(
      api.updateMyMonster,
      putMonsterEvent(asUser(userId), { accessories: ['pencil_ear'] }),
    );
    expect(recolored.body.needs_scene_regeneration).toBe(true);
    const job = await finishedJob(userId, recolored.body.scene_job_id);
    expect(job).toMatchObject({ status: 'completed', trigger: 'monster_changed', scene_level: 0 });
    // the game's own trigger takes no cooldown from the user
    expect((await invoke(api.requestScene, requestSceneEvent(asUser(userId)))).statusCode).toBe(202);
  });

  it('milestone.reached: the level just reached, once however often the event is delivered', async () => {
    const userId = await userWithXp(api, 300);
    const event = milestoneEvent(userId, 1, 'lesson-9#3');
    const first = (await api.startMilestoneScene(event, lambdaContext())) as { jobId: string };
    const redelivered = (await api.startMilestoneScene(event, lambdaContext())) as { jobId: string };
    expect(redelivered.jobId).toBe(first.jobId);
    const job = await finishedJob(userId, first.jobId);
    expect(job).toMatchObject({ status: 'completed', trigger: 'milestone', scene_level: 1 });
    const gallery = await invoke(api.listMyScenes, myScenesEvent(asUser(userId)));
    expect(gallery.body.scenes).toHaveLength(1);
    // another user's milestone with the same event id is another job
    const other = await userWithXp(api, 300);
    const theirs = (await api.startMilestoneScene(
      milestoneEvent(other, 1, 'lesson-9#3'),
      lambdaContext(),
    )) as {
      jobId: string;
    };
    expect(theirs.jobId).not.toBe(first.jobId);
  });

  it('drops an event that is not a milestone envelope, or names two users, starting nothing', async () => {
    const userId = await userWithXp(api, 300);
    const mismatched = milestoneEvent(userId, 1, 'x#1');
    (mismatched.detail.data as { user_id: string }).user_id = 'someone-else';
    expect(await api.startMilestoneScene(mismatched, lambdaContext())).toBeNull();
    const wrongType = { ...milestoneEvent(userId, 1, 'x#2'), 'detail-type': 'level.up' };
    expect(await api.startMilestoneScene(wrongType, lambdaContext())).toBeNull();
    const gallery = await invoke(api.listMyScenes, myScenesEvent(asUser(userId)));
    await api.workflow.drain();
    expect(gallery.body.scenes).toEqual([]);
  });
});

function milestoneEvent(userId: string, sceneLevel: number, id: string) {
  const [correlationId = id, index = '0'] = id.split('#');
  const envelope = toEnvelope(
    {
      detailType: 'milestone.reached',
      data: {
        user_id: userId,
        event_id: correlationId,
        scene_level: sceneLevel,
        milestone_xp: 250,
        description: 'Study room',
        total_xp: 300,
      },
    },
    { version: 1, correlationId, userId, occurredAt: new Date().toISOString(), index: Number(index) },
  );
  return {
    version: '0',
    id: uniqueId('eb'),
    'detail-type': 'milestone.reached',
    source: 'questline',
    account: '000000000000',
    time: new Date().toISOString(),
    region: 'us-east-1',
    resources: [],
    detail: envelope,
  };
}
