import { HeadObjectCommand, NotFound, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  type Rendition,
  type RenditionName,
  type SceneImageStore,
  sceneImagePaths,
} from '../../ports/scenes';

/** A key's images never change (the key is a hash of what they show), so browsers and CloudFront keep them a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * Scene images in a private S3 bucket (read through CloudFront), one folder
 * per cache key: `scenes/<cache key>/<full|medium|thumb>.webp`. Only approved
 * images are ever put here: moderation comes first in the workflow.
 */
export class S3SceneImageStore implements SceneImageStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(opts: { client: S3Client; bucket: string }) {
    this.client = opts.client;
    this.bucket = opts.bucket;
  }

  async put(cacheKey: string, renditions: readonly Rendition[]): Promise<Record<RenditionName, string>> {
    const paths = sceneImagePaths(cacheKey);
    // The full image last: `has` looks for it, so a key counts as stored only once every rendition is.
    const ordered = [...renditions].sort((a, b) => a.size - b.size);
    for (const rendition of ordered) {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: paths[rendition.name],
          Body: rendition.bytes,
          ContentType: rendition.contentType,
          CacheControl: IMMUTABLE_CACHE_CONTROL,
        }),
      );
    }
    return paths;
  }

  async has(cacheKey: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: sceneImagePaths(cacheKey).full }),
      );
      return true;
    } catch (error) {
      if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return false;
      throw error;
    }
  }
}
