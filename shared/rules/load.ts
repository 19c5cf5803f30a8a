import { issueLines, type NamedIssue, namedIssues } from '../zod-issues';
import defaultRulesJson from './default-rules.json';
import { type Rules, rulesSchema } from './schema';

/** Thrown when a rules document does not validate; the message names every bad field. */
export class InvalidRulesError extends Error {
  override readonly name = 'InvalidRulesError';
  readonly code = 'invalid_rules';

  constructor(
    readonly source: string,
    readonly issues: NamedIssue[],
  ) {
    super(
      `Invalid rules (${source}):\n${issueLines(issues)
        .map((line) => `  - ${line}`)
        .join('\n')}`,
    );
  }
}

/** Parses a rules document or throws InvalidRulesError naming each offending field. */
export function parseRules(input: unknown, source = 'rules'): Rules {
  const result = rulesSchema.safeParse(input);
  if (!result.success) {
    throw new InvalidRulesError(source, namedIssues(result.error, { whole: '(root)' }));
  }
  return result.data;
}

let shipped: Rules | undefined;

/**
 * The rules shipped with Questline, parsed on first use and kept. Not at
 * import: a deployed function plays by the rules inlined into its bundle and
 * never needs these, and parsing them cost every cold start a few ms.
 */
export function defaultRules(): Rules {
  shipped ??= parseRules(defaultRulesJson, 'shared/rules/default-rules.json');
  return shipped;
}
