import { type BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import * as z from 'zod';
import {
  type GeneratedImage,
  ImageFilteredError,
  type ImageGenerator,
  type ImageRequest,
} from '../../ports/scenes';

/** The default model: Stability AI Stable Image Core, text to image, on Bedrock. */
export const DEFAULT_IMAGE_MODEL_ID = 'stability.stable-image-core-v1:1';

/** Kept out of every scene, whatever the prompt. */
const NEGATIVE_PROMPT = 'text, letters, words, watermark, logo, scary, violent, blood, realistic photo';

/**
 * Stability's text-to-image response body on Bedrock: `finish_reasons` is
 * null for a drawn image, else "Filter reason: prompt", "Filter reason:
 * output image", "Filter reason: input image" or "Inference error"; the
 * images come as base64 strings.
 */
const responseSchema = z.object({
  seeds: z.array(z.union([z.number(), z.string()])).optional(),
  finish_reasons: z.array(z.string().nullable()).min(1),
  images: z.array(z.string()).optional(),
});

/**
 * Draws a scene with a Stability image model through Bedrock InvokeModel:
 * square, PNG (Rekognition moderates PNG and JPEG, not WebP), with the
 * workflow's seed so a retry after a rejection draws another image. Errors
 * of the call itself (throttling, timeouts) are left as the SDK throws them,
 * for the workflow's Retry to match by name.
 */
export class StabilityImageGenerator implements ImageGenerator {
  readonly drawnBy: string;
  private readonly client: BedrockRuntimeClient;

  constructor(opts: { client: BedrockRuntimeClient; modelId?: string }) {
    this.client = opts.client;
    this.drawnBy = opts.modelId ?? DEFAULT_IMAGE_MODEL_ID;
  }

  async generate({ prompt, seed }: ImageRequest): Promise<GeneratedImage> {
    const response = await this.client.send(
      new InvokeModelCommand({
        modelId: this.drawnBy,
        contentType: 'application/json',
        accept: 'application/json',
        body: JSON.stringify({
          prompt,
          negative_prompt: NEGATIVE_PROMPT,
          mode: 'text-to-image',
          aspect_ratio: '1:1',
          output_format: 'png',
          seed,
        }),
      }),
    );
    const body = responseSchema.parse(JSON.parse(new TextDecoder().decode(response.body)));
    const [reason] = body.finish_reasons;
    const [image] = body.images ?? [];
    if (reason !== null && reason !== undefined) throw new ImageFilteredError(reason);
    if (!image) throw new ImageFilteredError('no image in the response');
    return {
      bytes: Buffer.from(image, 'base64'),
      contentType: 'image/png',
      seed: Number(body.seeds?.[0] ?? seed),
    };
  }
}
