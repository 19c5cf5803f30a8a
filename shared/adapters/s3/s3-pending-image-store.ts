import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { GeneratedImage, PendingImageStore } from '../../ports/scenes';

/**
 * Images between the workflow's steps, in the scenes bucket under `pending/`:
 * never served (CloudFront reads `scenes/` only) and expired by the bucket's
 * lifecycle rule after a day. What it is travels as the object's metadata.
 */
export class S3PendingImageStore implements PendingImageStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(opts: { client: S3Client; bucket: string }) {
    this.client = opts.client;
    this.bucket = opts.bucket;
  }

  async put(key: string, image: GeneratedImage): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: image.bytes,
        ContentType: image.contentType,
        Metadata: { seed: String(image.seed) },
      }),
    );
  }

  async get(key: string): Promise<GeneratedImage> {
    const { Body, ContentType, Metadata } = await this.client.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: key }),
    );
    if (!Body) throw new Error(`pending image ${key} has no body`);
    const contentType = ContentType === 'image/svg+xml' ? 'image/svg+xml' : 'image/png';
    return {
      bytes: Buffer.from(await Body.transformToByteArray()),
      contentType,
      seed: Number(Metadata?.seed ?? 0),
    };
  }
}
