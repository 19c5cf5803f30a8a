import type * as z from 'zod';
import defaultRulesJson from './default-rules.json';
import { type Rules, rulesSchema } from './schema';

/** Thrown when a rules document does not validate; the message names every bad field. */
export class InvalidRulesError extends Error {
  override readonly name = 'InvalidRulesError';
  readonly code = 'invalid_rules';

  constructor(
    readonly source: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`Invalid rules (${source}):\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`);
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** Parses a rules document or throws InvalidRulesError naming each offending field. */
export function parseRules(input: unknown, source = 'rules'): Rules {
  const result = rulesSchema.safeParse(input);
  if (!result.success) {
    throw new InvalidRulesError(source, issuesOf(result.error));
  }
  return result.data;
}

function issuesOf(error: z.ZodError) {
  return error.issues.flatMap((issue) =>
    // Name each unknown key in the path, so `activities.quiz.cap` points at the typo.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown field' }))
      : [{ path: formatPath(issue.path), message: issue.message }],
  );
}

/** The rules shipped with Questline; parsed once per process (cold start). */
export const defaultRules: Rules = parseRules(defaultRulesJson, 'shared/rules/default-rules.json');
