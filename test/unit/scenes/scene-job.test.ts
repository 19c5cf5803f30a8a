import { describe, expect, it } from 'vitest';
import { contractFor } from '../../../events/catalog';
import {
  newSceneJob,
  type StoredScene,
  sceneFailedEvent,
  sceneGeneratedEvent,
} from '../../../shared/domain/scenes/scene-job';
import { sceneImagePaths } from '../../../shared/ports/scenes';

const job = newSceneJob({
  jobId: 'job-1',
  userId: 'ada',
  sceneLevel: 2,
  trigger: 'milestone',
  now: new Date('2026-12-04T12:00:00Z'),
});
const scene: StoredScene = {
  sceneLevel: 2,
  cacheKey: 'abc',
  paths: sceneImagePaths('abc'),
  drawnBy: 'procedural-v1',
  fallback: true,
  jobId: 'job-1',
  generatedAt: '2026-12-04T12:00:05.000Z',
};

describe('a scene job', () => {
  it('starts queued, at no progress, dated now', () => {
    expect(job).toEqual({
      jobId: 'job-1',
      userId: 'ada',
      sceneLevel: 2,
      trigger: 'milestone',
      status: 'queued',
      progress: 0,
      createdAt: '2026-12-04T12:00:00.000Z',
      updatedAt: '2026-12-04T12:00:00.000Z',
    });
  });

  it('announces its scene with absolute URLs under the images base, with or without a path or a slash', () => {
    for (const base of ['https://d1.cloudfront.net', 'https://d1.cloudfront.net/']) {
      expect(sceneGeneratedEvent(job, scene, base).data).toMatchObject({
        image_url: 'https://d1.cloudfront.net/scenes/abc/full.webp',
        thumbnails: { thumb: 'https://d1.cloudfront.net/scenes/abc/thumb.webp' },
      });
    }
    expect(sceneGeneratedEvent(job, scene, 'http://127.0.0.1:3000/local').data.image_url).toBe(
      'http://127.0.0.1:3000/local/scenes/abc/full.webp',
    );
  });

  it('builds events within their contracts', () => {
    for (const event of [
      sceneGeneratedEvent(job, scene, 'https://d1.cloudfront.net'),
      sceneFailedEvent(job, 'x'),
    ]) {
      expect(contractFor(event.detailType).schema.parse(event.data)).toEqual(event.data);
    }
  });
});
