import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recentDaytimeIso } from '../support/daytime';
import { connectSocket, type TestSocket } from '../support/ws-client';
import { cleanup, devToken, type RunningLocal, startLocal } from './support/local-process';

/**
 * Through `npm start`: an activity crosses an XP milestone, the
 * bus starts the scene workflow (the ASL run by the local Step Functions
 * endpoint), the job completes, its image is served as WebP at /scenes/...,
 * and only the owner's socket hears scene_generated.
 */

let local: RunningLocal;
let ada: TestSocket;
let bob: TestSocket;
const tokens: Record<string, string> = {};

const api = (path: string, userId: string, init: RequestInit = {}) =>
  fetch(`${local.info.api_url}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${tokens[userId]}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });

beforeAll(async () => {
  local = await startLocal(['--in-memory']);
  for (const userId of ['sc-ada', 'sc-bob']) tokens[userId] = await devToken(local, userId);
  ada = await connectSocket(local.info.ws_url, tokens['sc-ada'] as string);
  bob = await connectSocket(local.info.ws_url, tokens['sc-bob'] as string);
}, 60_000);
afterAll(async () => {
  await Promise.all([ada?.close(), bob?.close()]);
  await cleanup();
});

async function webp(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/webp');
  expect(response.headers.get('cache-control')).toContain('immutable');
  return sharp(Buffer.from(await response.arrayBuffer())).metadata();
}

describe('monster scenes through the local runtime', () => {
  let frame: { job_id: string; scene_level: number; image_url: string; thumbnails: Record<string, string> };

  it('draws the new level when an activity crosses a milestone, and pushes scene_generated to its owner only', async () => {
    const recorded = await fetch(`${local.info.api_url}/v1/internal/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${local.info.internal_key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        event_id: 'sc-milestone-1',
        user_id: 'sc-ada',
        activity_type: 'custom',
        amount: 300,
        occurred_at: recentDaytimeIso(),
      }),
    });
    expect(recorded.status).toBe(201);
    const pushed = await ada.waitFor((f) => f.event === 'scene_generated', 15_000);
    frame = pushed.data as typeof frame;
    expect(frame).toMatchObject({ scene_level: 1, job_id: expect.stringMatching(/^milestone-/) });
    expect(frame.image_url.startsWith(local.info.scenes_url)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bob.frames.filter((f) => f.event === 'scene_generated')).toEqual([]);
  });

  it('serves the image and its thumbnails as WebP at their sizes', async () => {
    expect(await webp(frame.image_url)).toMatchObject({ format: 'webp', width: 1024, height: 1024 });
    expect(await webp(frame.thumbnails.medium as string)).toMatchObject({ width: 512, height: 512 });
    expect(await webp(frame.thumbnails.thumb as string)).toMatchObject({ width: 200, height: 200 });
  });

  it('answers the job to its owner, completed with that image, and 404 to anyone else', async () => {
    const job = await api(`/v1/me/scenes/jobs/${frame.job_id}`, 'sc-ada');
    expect(await job.json()).toMatchObject({
      status: 'completed',
      trigger: 'milestone',
      image_url: frame.image_url,
    });
    expect((await api(`/v1/me/scenes/jobs/${frame.job_id}`, 'sc-bob')).status).toBe(404);
    const monster = await (await api('/v1/me/monster', 'sc-ada')).json();
    expect(monster).toMatchObject({ scene_level: 1, scene_url: frame.image_url });
  });

  it('takes a scene request once per five minutes (202, then 429 with Retry-After)', async () => {
    const first = await api('/v1/me/scenes', 'sc-ada', { method: 'POST', body: '{"regenerate":true}' });
    expect(first.status).toBe(202);
    const { job_id: jobId } = (await first.json()) as { job_id: string };
    const second = await api('/v1/me/scenes', 'sc-ada', { method: 'POST' });
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(290);
    const pushed = await ada.waitFor((f) => f.event === 'scene_generated' && f.data.job_id === jobId, 15_000);
    expect(pushed.data.image_url).not.toBe(frame.image_url);
  });

  it('serves nothing but stored scene images under /scenes/', async () => {
    for (const path of [
      '/scenes/../local.json',
      '/scenes/%2e%2e/local.json',
      `/scenes/${'0'.repeat(32)}/full.webp`,
    ]) {
      expect((await fetch(`${local.info.api_url}${path}`)).status, path).toBe(404);
    }
  });
});
