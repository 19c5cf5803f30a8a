import sharp from 'sharp';
import { type Rendition, SCENE_RENDITIONS } from '../../ports/scenes';

export { SCENE_RENDITIONS };

/** WebP at quality 85: the scenes are flat illustrations, where 85 keeps edges clean at a third of PNG's size. */
const WEBP = { quality: 85, effort: 4 } as const;

/**
 * A scene image (the procedural SVG, or a model's PNG) as square WebP
 * renditions. The source is decoded once, at the largest size, and each
 * rendition is resized from those pixels; metadata is dropped.
 */
export async function webpRenditions(image: Buffer | string): Promise<Rendition[]> {
  const source = typeof image === 'string' ? Buffer.from(image, 'utf8') : image;
  const largest = SCENE_RENDITIONS[0].size;
  const { data, info } = await sharp(source)
    .resize(largest, largest, { fit: 'cover' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  return Promise.all(
    SCENE_RENDITIONS.map(async ({ name, size }) => ({
      name,
      size,
      contentType: 'image/webp' as const,
      bytes: await sharp(data, { raw }).resize(size, size).webp(WEBP).toBuffer(),
    })),
  );
}
