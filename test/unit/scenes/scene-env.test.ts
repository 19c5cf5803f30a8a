import { describe, expect, it } from 'vitest';
import { parseSceneEnv } from '../../../shared/scenes/scene-env';

const base = { TABLE_NAME: 'questline-table', SCENES_BASE_URL: 'https://d1.cloudfront.net' };

describe("the scene tasks' environment", () => {
  it('takes the bucket with Bedrock and a model, or a folder with the procedural renderer', () => {
    expect(
      parseSceneEnv({
        ...base,
        SCENES_PROVIDER: 'bedrock',
        SCENES_MODEL_ID: 'm',
        SCENES_BUCKET: 'b-1',
        SCENES_MIN_CONFIDENCE: '70',
        SCENES_DAILY_PER_USER: '10',
        SCENES_DAILY_BUDGET: '1000',
      }),
    ).toMatchObject({ SCENES_MIN_CONFIDENCE: 70, SCENES_BUCKET: 'b-1', SCENES_DAILY_PER_USER: 10 });
    expect(parseSceneEnv({ ...base, SCENES_PROVIDER: 'procedural', SCENES_DIR: '/tmp/x' }).SCENES_DIR).toBe(
      '/tmp/x',
    );
  });

  it('refuses at cold start, naming what is wrong', () => {
    expect(() =>
      parseSceneEnv({ ...base, SCENES_PROVIDER: 'procedural', SCENES_DIR: '/x', SCENES_BUCKET: 'b-1' }),
    ).toThrow(/exactly one of SCENES_BUCKET/);
    expect(() => parseSceneEnv({ ...base, SCENES_PROVIDER: 'bedrock', SCENES_BUCKET: 'b-1' })).toThrow(
      /SCENES_MODEL_ID/,
    );
    expect(() =>
      parseSceneEnv({ ...base, SCENES_PROVIDER: 'bedrock', SCENES_MODEL_ID: 'm', SCENES_BUCKET: 'b-1' }),
    ).toThrow(/SCENES_DAILY_PER_USER and SCENES_DAILY_BUDGET/);
    expect(() => parseSceneEnv({ ...base, SCENES_PROVIDER: 'dall-e', SCENES_DIR: '/x' })).toThrow(
      /SCENES_PROVIDER/,
    );
    expect(() => parseSceneEnv({ TABLE_NAME: 't', SCENES_PROVIDER: 'procedural', SCENES_DIR: '/x' })).toThrow(
      /TABLE_NAME.*SCENES_BASE_URL|SCENES_BASE_URL/,
    );
  });
});
