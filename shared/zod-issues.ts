import type * as z from 'zod';

/** One thing wrong with an input, named the way its author wrote it. */
export interface NamedIssue {
  field: string;
  message: string;
}

/**
 * Zod's issues as named fields, the one way every edge reports them (HTTP
 * 400s, inbound events, the rules, the environment, CDK's config): dots
 * between keys, brackets around indexes (`metadata.tags[0]`), each unknown
 * key named on its own (`activities.quiz.cap: unknown field`). `root`
 * prefixes every name (`detail.occurred_at`); `whole` names the input itself
 * when the issue is about all of it.
 */
export function namedIssues(error: z.ZodError, opts: { root?: string; whole: string }): NamedIssue[] {
  const name = (path: readonly PropertyKey[]) => fieldName(path, opts.root ?? '') || opts.whole;
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: name([...issue.path, key]), message: 'unknown field' }))
      : [{ field: name(issue.path), message: issue.message }],
  );
}

/** The issues on one line each: `field: message`. */
export const issueLines = (issues: readonly NamedIssue[]): string[] =>
  issues.map((issue) => `${issue.field}: ${issue.message}`);

function fieldName(path: readonly PropertyKey[], root: string): string {
  return path.reduce<string>((name, segment) => {
    if (typeof segment === 'number') return `${name}[${segment}]`;
    return name === '' ? String(segment) : `${name}.${String(segment)}`;
  }, root);
}
