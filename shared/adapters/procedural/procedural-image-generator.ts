import type {
  GeneratedImage,
  ImageGenerator,
  ImageModerator,
  ImageRequest,
  ModerationLabel,
} from '../../ports/scenes';
import { PROCEDURAL_RENDERER, sceneSvg } from './scene-svg';

/**
 * The built-in renderer behind the image generator port: the default
 * locally (no AWS account), the fallback on AWS, and the only generator with
 * `scenes.provider: "procedural"`. It draws from the look, not the prompt,
 * and the same look gives the same image whatever the seed.
 */
export class ProceduralImageGenerator implements ImageGenerator {
  readonly drawnBy = PROCEDURAL_RENDERER;

  async generate({ look, seed }: ImageRequest): Promise<GeneratedImage> {
    return { bytes: Buffer.from(sceneSvg(look), 'utf8'), contentType: 'image/svg+xml', seed };
  }
}

/**
 * The moderator for procedural images, which draw nothing but the catalog's
 * own parts: there is nothing in them a model could have made up. It still
 * refuses what is not an SVG of this renderer, so a wiring mistake that sent
 * a model's image here fails loudly instead of skipping moderation.
 */
export class ProceduralImageModerator implements ImageModerator {
  async moderate(image: Buffer): Promise<{ approved: boolean; labels: ModerationLabel[] }> {
    const head = image.subarray(0, 200).toString('utf8');
    if (!head.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')) {
      throw new Error(
        'the procedural moderator only vouches for procedural scenes (SVG); moderate model images with Rekognition',
      );
    }
    return { approved: true, labels: [] };
  }
}
