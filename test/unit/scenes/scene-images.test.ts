import { describe, expect, it } from 'vitest';
import { sceneImageUrls, sceneToShow } from '../../../shared/domain/scenes/scene-images';
import type { StoredScene } from '../../../shared/domain/scenes/scene-job';
import { sceneImagePaths } from '../../../shared/ports/scenes';

const scene = (sceneLevel: number): StoredScene => ({
  sceneLevel,
  cacheKey: `${sceneLevel}`.padStart(32, 'a'),
  paths: sceneImagePaths(`${sceneLevel}`.padStart(32, 'a')),
  drawnBy: 'procedural-v1',
  fallback: false,
  jobId: `job-${sceneLevel}`,
  generatedAt: '2026-12-04T12:00:00.000Z',
});

describe('sceneToShow', () => {
  it("is the level's own scene when there is one", () => {
    expect(sceneToShow([scene(0), scene(2), scene(1)], 2)?.sceneLevel).toBe(2);
  });

  it('keeps the latest lower scene while the level is drawn (or after drawing it failed)', () => {
    expect(sceneToShow([scene(0), scene(1)], 3)?.sceneLevel).toBe(1);
  });

  it('never shows a level above the one reached, and nothing before any scene', () => {
    expect(sceneToShow([scene(4)], 3)).toBeNull();
    expect(sceneToShow([], 0)).toBeNull();
  });
});

describe('sceneImageUrls', () => {
  it('resolves each rendition against the base URL, with or without its trailing slash', () => {
    for (const base of ['https://cdn.example/', 'https://cdn.example']) {
      expect(sceneImageUrls(scene(1).paths, base)).toEqual({
        imageUrl: `https://cdn.example/scenes/${'1'.padStart(32, 'a')}/full.webp`,
        thumbnails: {
          medium: `https://cdn.example/scenes/${'1'.padStart(32, 'a')}/medium.webp`,
          thumb: `https://cdn.example/scenes/${'1'.padStart(32, 'a')}/thumb.webp`,
        },
      });
    }
  });
});
