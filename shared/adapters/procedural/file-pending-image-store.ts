import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GeneratedImage, PendingImageStore } from '../../ports/scenes';

/**
 * Images between the workflow's steps, on disk (the local runtime's
 * `.questline/pending/`): the bytes, and beside them what they are.
 */
export class FilePendingImageStore implements PendingImageStore {
  constructor(private readonly root: string) {}

  async put(key: string, image: GeneratedImage): Promise<void> {
    const file = join(this.root, key);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, image.bytes);
    await writeFile(`${file}.json`, JSON.stringify({ contentType: image.contentType, seed: image.seed }));
  }

  async get(key: string): Promise<GeneratedImage> {
    const file = join(this.root, key);
    const meta = JSON.parse(await readFile(`${file}.json`, 'utf8')) as Omit<GeneratedImage, 'bytes'>;
    return { ...meta, bytes: await readFile(file) };
  }
}
