import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRules } from '../shared/rules/load';
import type { Rules } from '../shared/rules/schema';
import { projectRoot } from './project-root';

/**
 * esbuild receives each define as one process argument, and Linux caps a
 * single argument at 128 KiB; stay well below so a huge rules file fails here
 * with a clear message rather than as an opaque spawn error.
 */
const MAX_INLINE_RULES_CHARS = 100_000;

export interface BundledRules {
  /** absolute path of the rules file */
  file: string;
  rules: Rules;
  /**
   * The esbuild `define` value for `process.env.QUESTLINE_RULES_JSON`: a JS
   * string literal holding the operator's document, compacted.
   */
  defineValue: string;
}

/**
 * Reads and validates the rules at synth, so invalid rules never deploy: the
 * InvalidRulesError names every bad field. The document inlined is the
 * operator's own (compacted), parsed again at cold start by loadActiveRules.
 */
export function loadRulesForBundling(rulesFile: string): BundledRules {
  const file = resolve(projectRoot, rulesFile);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the rules file ${file}: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(`The rules file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const rules = parseRules(document, rulesFile);
  const defineValue = JSON.stringify(JSON.stringify(document));
  if (defineValue.length > MAX_INLINE_RULES_CHARS) {
    throw new Error(
      `The rules file ${file} is ${defineValue.length} characters once inlined; the limit is ${MAX_INLINE_RULES_CHARS}.`,
    );
  }
  return { file, rules, defineValue };
}
