import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { parseEnv, tableEnvSchema } from '../../shared/env';

describe('parseEnv: one parser for every function environment', () => {
  it('answers the parsed values', () => {
    expect(parseEnv(tableEnvSchema, { TABLE_NAME: 'questline', AWS_REGION: 'eu-west-1' }, 'x')).toEqual({
      TABLE_NAME: 'questline',
      AWS_REGION: 'eu-west-1',
    });
  });

  it('names what it configures and every bad variable, in one line', () => {
    const schema = tableEnvSchema.extend({ EVENT_BUS_NAME: z.string().min(1) });
    expect(() =>
      parseEnv(schema, { TABLE_NAME: 'q', DYNAMODB_ENDPOINT: 'localhost' }, 'the projector'),
    ).toThrow(
      /^Invalid environment for the projector: TABLE_NAME: must name the DynamoDB table \(at least 3 characters\); DYNAMODB_ENDPOINT: .+; EVENT_BUS_NAME: .+$/,
    );
  });

  it('names a problem of the whole environment as (env)', () => {
    const schema = z
      .object({ A: z.string().optional() })
      .refine((env) => env.A !== undefined, 'A is needed here');
    expect(() => parseEnv(schema, {}, 'x')).toThrow('Invalid environment for x: (env): A is needed here');
  });
});
