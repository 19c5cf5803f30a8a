import type * as z from 'zod';
import { type FieldIssue, ValidationError } from '../domain/errors';
import { namedIssues } from '../zod-issues';

/** Where the input came from; names the field when the whole input is wrong. */
export type InputSource = 'body' | 'query' | 'path' | 'header';

/**
 * Parses request input with a zod schema or throws ValidationError naming
 * each bad field the way the client spelled it (`occurred_at`, `metadata.tags[0]`).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, source: InputSource): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(issuesOf(result.error, source));
}

export function issuesOf(error: z.ZodError, source: InputSource): FieldIssue[] {
  return namedIssues(error, { whole: source });
}
