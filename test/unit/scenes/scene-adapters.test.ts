import {
  BedrockRuntimeClient,
  InvokeModelCommand,
  ThrottlingException,
} from '@aws-sdk/client-bedrock-runtime';
import { DetectModerationLabelsCommand, RekognitionClient } from '@aws-sdk/client-rekognition';
import { HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_IMAGE_MODEL_ID,
  StabilityImageGenerator,
} from '../../../shared/adapters/bedrock/stability-image-generator';
import { RekognitionModerator } from '../../../shared/adapters/rekognition/rekognition-moderator';
import { IMMUTABLE_CACHE_CONTROL, S3SceneImageStore } from '../../../shared/adapters/s3/s3-scene-image-store';
import type { SceneLook } from '../../../shared/domain/monster/scene-look';
import { ImageFilteredError, type Rendition } from '../../../shared/ports/scenes';

const bedrock = mockClient(BedrockRuntimeClient);
const rekognition = mockClient(RekognitionClient);
const s3 = mockClient(S3Client);
beforeEach(() => {
  bedrock.reset();
  rekognition.reset();
  s3.reset();
});

/** InvokeModel's response body: the model's JSON, as bytes. */
const modelBody = (body: unknown) => ({ body: new TextEncoder().encode(JSON.stringify(body)) as never });
const look: SceneLook = {
  level: 1,
  color: 'color_orange',
  accessories: [],
  clothing: [],
  features: [],
  patterns: [],
};
const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('the Stability image generator (Bedrock InvokeModel)', () => {
  const generator = () =>
    new StabilityImageGenerator({ client: new BedrockRuntimeClient({ region: 'us-west-2' }) });

  it('asks the configured model for a square PNG with the seed, and decodes the base64 image', async () => {
    bedrock
      .on(InvokeModelCommand)
      .resolves(modelBody({ seeds: [1234], finish_reasons: [null], images: [PNG_BYTES.toString('base64')] }));
    const image = await generator().generate({ prompt: 'A cute monster', look, seed: 1234 });
    expect(image).toEqual({ bytes: PNG_BYTES, contentType: 'image/png', seed: 1234 });
    const input = bedrock.commandCalls(InvokeModelCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      modelId: DEFAULT_IMAGE_MODEL_ID,
      contentType: 'application/json',
      accept: 'application/json',
    });
    expect(JSON.parse(String(input?.body))).toMatchObject({
      prompt: 'A cute monster',
      aspect_ratio: '1:1',
      output_format: 'png',
      seed: 1234,
      mode: 'text-to-image',
    });
  });

  it("refuses with the model's content-filter reason, and when no image came back", async () => {
    bedrock
      .on(InvokeModelCommand)
      .resolvesOnce(modelBody({ seeds: [1], finish_reasons: ['Filter reason: output image'], images: [] }))
      .resolvesOnce(modelBody({ finish_reasons: [null] }));
    await expect(generator().generate({ prompt: 'p', look, seed: 1 })).rejects.toEqual(
      new ImageFilteredError('Filter reason: output image'),
    );
    await expect(generator().generate({ prompt: 'p', look, seed: 1 })).rejects.toBeInstanceOf(
      ImageFilteredError,
    );
  });

  it('leaves throttling to the workflow, under the name its Retry matches', async () => {
    bedrock.on(InvokeModelCommand).rejects(new ThrottlingException({ message: 'slow down', $metadata: {} }));
    await expect(generator().generate({ prompt: 'p', look, seed: 1 })).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
  });
});

describe('the Rekognition moderator (DetectModerationLabels)', () => {
  const moderator = () =>
    new RekognitionModerator({ client: new RekognitionClient({ region: 'us-west-2' }), minConfidence: 60 });

  it('approves an image with no label, sending its bytes and the minimum confidence', async () => {
    rekognition
      .on(DetectModerationLabelsCommand)
      .resolves({ ModerationLabels: [], ModerationModelVersion: '7.0' });
    expect(await moderator().moderate(PNG_BYTES)).toEqual({ approved: true, labels: [] });
    expect(rekognition.commandCalls(DetectModerationLabelsCommand)[0]?.args[0].input).toEqual({
      Image: { Bytes: PNG_BYTES },
      MinConfidence: 60,
    });
  });

  it('rejects an image with any label at the minimum confidence, naming them', async () => {
    rekognition.on(DetectModerationLabelsCommand).resolves({
      ModerationLabels: [
        { Confidence: 91.2, Name: 'Graphic Violence', ParentName: 'Violence', TaxonomyLevel: 2 },
        { Confidence: 91.2, Name: 'Violence', ParentName: '', TaxonomyLevel: 1 },
      ],
      ModerationModelVersion: '7.0',
    });
    expect(await moderator().moderate(PNG_BYTES)).toEqual({
      approved: false,
      labels: [
        { name: 'Graphic Violence', parent: 'Violence', confidence: 91.2 },
        { name: 'Violence', confidence: 91.2 },
      ],
    });
  });
});

describe('the S3 scene image store', () => {
  const store = () =>
    new S3SceneImageStore({ client: new S3Client({ region: 'us-west-2' }), bucket: 'scenes-bucket' });
  const renditions: Rendition[] = [
    { name: 'full', size: 1024, contentType: 'image/webp', bytes: Buffer.from('full') },
    { name: 'medium', size: 512, contentType: 'image/webp', bytes: Buffer.from('medium') },
    { name: 'thumb', size: 200, contentType: 'image/webp', bytes: Buffer.from('thumb') },
  ];

  it('puts each rendition under its content-addressed key, immutable for a year, the full image last', async () => {
    s3.on(PutObjectCommand).resolves({});
    const paths = await store().put('abc123', renditions);
    expect(paths).toEqual({
      full: 'scenes/abc123/full.webp',
      medium: 'scenes/abc123/medium.webp',
      thumb: 'scenes/abc123/thumb.webp',
    });
    const puts = s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
    expect(puts.map((put) => put.Key)).toEqual([paths.thumb, paths.medium, paths.full]);
    for (const put of puts) {
      expect(put).toMatchObject({
        Bucket: 'scenes-bucket',
        ContentType: 'image/webp',
        CacheControl: IMMUTABLE_CACHE_CONTROL,
      });
    }
  });

  it('knows a stored key by its full image; a missing one is not an error', async () => {
    s3.on(HeadObjectCommand, { Key: 'scenes/stored/full.webp' }).resolves({ ContentLength: 4 });
    s3.on(HeadObjectCommand, { Key: 'scenes/missing/full.webp' }).rejects(
      new NotFound({ message: 'Not Found', $metadata: {} }),
    );
    expect(await store().has('stored')).toBe(true);
    expect(await store().has('missing')).toBe(false);
    s3.on(HeadObjectCommand, { Key: 'scenes/denied/full.webp' }).rejects(
      Object.assign(new Error('Forbidden'), { name: 'Forbidden' }),
    );
    await expect(store().has('denied')).rejects.toThrow('Forbidden');
  });
});
