import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ValidationError } from '../../shared/domain/errors';
import { parseInput } from '../../shared/http/validate';

const schema = z
  .object({
    occurred_at: z.iso.datetime(),
    metadata: z.object({ tags: z.array(z.string()) }).optional(),
  })
  .strict();

function issues(input: unknown, source: 'body' | 'query' | 'path' = 'body') {
  try {
    parseInput(schema, input, source);
  } catch (error) {
    if (error instanceof ValidationError) return error.details.map((d) => d.field);
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseInput', () => {
  it('returns the parsed value when the input is valid', () => {
    expect(parseInput(schema, { occurred_at: '2026-01-31T09:30:00Z' }, 'body')).toEqual({
      occurred_at: '2026-01-31T09:30:00Z',
    });
  });

  it('names fields in snake_case, as the client sent them', () => {
    expect(issues({ occurred_at: 'yesterday' })).toEqual(['occurred_at']);
  });

  it('names nested fields with dots and indexes', () => {
    expect(issues({ occurred_at: '2026-01-31T09:30:00Z', metadata: { tags: ['a', 7] } })).toEqual([
      'metadata.tags[1]',
    ]);
  });

  it('names each unknown field', () => {
    expect(issues({ occurred_at: '2026-01-31T09:30:00Z', userId: 'x', extra: 1 })).toEqual([
      'userId',
      'extra',
    ]);
  });

  it('names the source when the whole input is wrong', () => {
    expect(issues(undefined)).toEqual(['body']);
    expect(issues('text', 'query')).toEqual(['query']);
  });

  it('lists every bad field at once', () => {
    expect(issues({ metadata: 'x' }).sort()).toEqual(['metadata', 'occurred_at']);
  });
});
