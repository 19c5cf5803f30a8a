import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseRules } from '../rules/load';

/** A rules file that cannot be read or is not JSON; schema errors are InvalidRulesError. */
export class RulesFileError extends Error {
  override readonly name = 'RulesFileError';
}

/**
 * Reads and validates `--rules <file>` before anything starts, so a typo fails
 * in a second naming the field (InvalidRulesError) instead of on the first
 * request. Returns the document as JSON for QUESTLINE_RULES_JSON.
 */
export async function readRulesFile(file: string): Promise<string> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new RulesFileError(`Cannot read the rules file ${path}: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new RulesFileError(`The rules file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  parseRules(document, path);
  return JSON.stringify(document);
}
