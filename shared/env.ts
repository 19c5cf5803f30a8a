import * as z from 'zod';
import { issueLines, namedIssues } from './zod-issues';

/**
 * One parser for every function's environment: a bad or missing variable
 * fails the cold start with one line naming each, never a request.
 */

export type Env = Record<string, string | undefined>;

/** What every function that uses the table reads: its name, and locally DynamoDB Local's endpoint. */
export const tableEnvSchema = z.object({
  TABLE_NAME: z.string().min(3, 'must name the DynamoDB table (at least 3 characters)'),
  /** only set locally, to point at DynamoDB Local */
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).optional(),
});

/** `schema` applied to `env`, or an Error "Invalid environment for <what>: NAME: problem; ...". */
export function parseEnv<S extends z.ZodType>(schema: S, env: Env, what: string): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = issueLines(namedIssues(result.error, { whole: '(env)' })).join('; ');
  throw new Error(`Invalid environment for ${what}: ${problems}`);
}
