import { DetectModerationLabelsCommand, type RekognitionClient } from '@aws-sdk/client-rekognition';
import type { ImageModerator, ModerationLabel } from '../../ports/scenes';

/** Rekognition's own default; an operator may ask for more or less (scenes.min_confidence). */
export const DEFAULT_MIN_CONFIDENCE = 50;

/**
 * Moderates a generated image with Rekognition DetectModerationLabels, sent
 * as bytes (PNG or JPEG, up to 5 MB: a 1024-pixel PNG is well under). Any
 * label at or above the minimum confidence rejects the image: scenes are for
 * children's study apps, so there is no category worth letting through.
 */
export class RekognitionModerator implements ImageModerator {
  private readonly client: RekognitionClient;
  private readonly minConfidence: number;

  constructor(opts: { client: RekognitionClient; minConfidence?: number }) {
    this.client = opts.client;
    this.minConfidence = opts.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  }

  async moderate(image: Buffer): Promise<{ approved: boolean; labels: ModerationLabel[] }> {
    const { ModerationLabels = [] } = await this.client.send(
      new DetectModerationLabelsCommand({ Image: { Bytes: image }, MinConfidence: this.minConfidence }),
    );
    const labels = ModerationLabels.filter((label) => (label.Confidence ?? 0) >= this.minConfidence).map(
      (label): ModerationLabel => ({
        name: label.Name ?? 'unnamed',
        ...(label.ParentName ? { parent: label.ParentName } : {}),
        confidence: label.Confidence ?? 0,
      }),
    );
    return { approved: labels.length === 0, labels };
  }
}
