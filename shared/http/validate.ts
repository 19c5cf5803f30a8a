import type * as z from 'zod';
import { type FieldIssue, ValidationError } from '../domain/errors';

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
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: fieldName([...issue.path, key], source),
        message: 'unknown field',
      }));
    }
    return [{ field: fieldName(issue.path, source), message: issue.message }];
  });
}

function fieldName(path: readonly PropertyKey[], source: InputSource): string {
  if (path.length === 0) return source;
  return path.reduce<string>((name, segment) => {
    if (typeof segment === 'number') return `${name}[${segment}]`;
    return name === '' ? String(segment) : `${name}.${String(segment)}`;
  }, '');
}
