import { defaultRules, parseRules } from './load';
import type { Rules } from './schema';

/**
 * The rules this process plays by, parsed once at cold start.
 *
 * On AWS the CDK validates the operator's rules file at synth and inlines it
 * into each bundle as `process.env.QUESTLINE_RULES_JSON` (an esbuild define, so
 * no 4 KB environment limit). Locally `npm start -- --rules <file>` sets the same
 * variable. Without it, the default rules apply. Invalid rules throw here, at
 * init, naming each bad field.
 */
export function loadActiveRules(
  // Spelled out in full: esbuild's define replaces this exact expression, not `env.X`.
  env: Record<string, string | undefined> = { QUESTLINE_RULES_JSON: process.env.QUESTLINE_RULES_JSON },
): Rules {
  const inline = env.QUESTLINE_RULES_JSON;
  if (!inline) return defaultRules();
  let document: unknown;
  try {
    document = JSON.parse(inline);
  } catch (error) {
    throw new Error(`QUESTLINE_RULES_JSON is not valid JSON: ${(error as Error).message}`);
  }
  return parseRules(document, 'QUESTLINE_RULES_JSON');
}
