import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileSceneImageStore } from '../../../shared/adapters/procedural/file-scene-image-store';
import {
  ProceduralImageGenerator,
  ProceduralImageModerator,
} from '../../../shared/adapters/procedural/procedural-image-generator';
import { webpRenditions } from '../../../shared/adapters/procedural/renditions';
import type { SceneLook } from '../../../shared/domain/monster/scene-look';

const look: SceneLook = {
  level: 4,
  color: 'color_green',
  accessories: ['hat_graduation'],
  clothing: [],
  features: ['antennae'],
  patterns: ['pattern_stars'],
};

describe('the procedural generator and moderator (the local stand-ins, and the fallback)', () => {
  it('draws the look, not the prompt, the same whatever the seed', async () => {
    const generator = new ProceduralImageGenerator();
    const first = await generator.generate({ prompt: 'ignored', look, seed: 1 });
    const second = await generator.generate({ prompt: 'something else', look, seed: 2 });
    expect(first.contentType).toBe('image/svg+xml');
    expect(first.bytes.equals(second.bytes)).toBe(true);
    expect(generator.drawnBy).toBe('procedural-v1');
  });

  it('approves procedural scenes, and refuses to vouch for anything else', async () => {
    const moderator = new ProceduralImageModerator();
    const { bytes } = await new ProceduralImageGenerator().generate({ prompt: '', look, seed: 0 });
    expect(await moderator.moderate(bytes)).toEqual({ approved: true, labels: [] });
    await expect(moderator.moderate(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).rejects.toThrow(/Rekognition/);
  });
});

describe('scene images on disk', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'questline-scenes-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('stores every rendition at its content-addressed path, whole, and knows the key once stored', async () => {
    const store = new FileSceneImageStore(root);
    const { bytes } = await new ProceduralImageGenerator().generate({ prompt: '', look, seed: 0 });
    const renditions = await webpRenditions(bytes);
    expect(await store.has('k1')).toBe(false);
    const paths = await store.put('k1', renditions);
    expect(paths.full).toBe('scenes/k1/full.webp');
    expect(await store.has('k1')).toBe(true);
    expect((await readdir(join(root, 'scenes/k1'))).sort()).toEqual([
      'full.webp',
      'medium.webp',
      'thumb.webp',
    ]);
    expect((await readFile(join(root, paths.thumb))).equals(renditions[2]?.bytes ?? Buffer.alloc(0))).toBe(
      true,
    );
  });
});
