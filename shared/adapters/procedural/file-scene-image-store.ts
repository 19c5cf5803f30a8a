import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  type Rendition,
  type RenditionName,
  type SceneImageStore,
  sceneImagePaths,
} from '../../ports/scenes';

/**
 * Scene images on disk, for the local runtime (`.questline/scenes/`, served
 * at `/scenes/...`): the same content-addressed paths as in S3. Each file is
 * written under a temporary name and renamed, so a reader never sees half an
 * image, and the full image goes last, so `has` means "all of them".
 */
export class FileSceneImageStore implements SceneImageStore {
  constructor(private readonly root: string) {}

  async put(cacheKey: string, renditions: readonly Rendition[]): Promise<Record<RenditionName, string>> {
    const paths = sceneImagePaths(cacheKey);
    for (const rendition of [...renditions].sort((a, b) => a.size - b.size)) {
      const file = join(this.root, paths[rendition.name]);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(`${file}.partial`, rendition.bytes);
      await rename(`${file}.partial`, file);
    }
    return paths;
  }

  async has(cacheKey: string): Promise<boolean> {
    try {
      await access(join(this.root, sceneImagePaths(cacheKey).full));
      return true;
    } catch {
      return false;
    }
  }
}
