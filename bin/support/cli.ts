import { fileURLToPath } from 'node:url';
import { RulesFileError, readRulesFile } from '../../shared/local/rules-file';
import { LocalServiceNotRunning } from '../../shared/local/running-service';
import { InvalidRulesError, parseRules } from '../../shared/rules/load';
import type { Rules } from '../../shared/rules/schema';
import { issueLines } from '../../shared/zod-issues';

/** How the rules CLIs start, read their inputs and end: one place for their exit codes. */

export class UsageError extends Error {}

/** Runs `main` when the module is the entry point: its code, 2 for usage and rules errors, 1 otherwise. */
export function runCli(moduleUrl: string, usage: string, main: (argv: string[]) => Promise<number>): void {
  if (!process.argv[1] || fileURLToPath(moduleUrl) !== process.argv[1]) return;
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.exitCode = error instanceof UsageError || isInputError(error) ? 2 : 1;
      if (error instanceof UsageError || error instanceof LocalServiceNotRunning) {
        console.error(`${error.message}\n\n${usage}`);
      } else if (error instanceof InvalidRulesError) {
        console.error(
          [`Invalid rules: ${error.message}`, ...issueLines(error.issues).map((l) => `  ${l}`)].join('\n'),
        );
      } else if (error instanceof RulesFileError) {
        console.error(error.message);
      } else {
        console.error(error);
      }
    },
  );
}

function isInputError(error: unknown): boolean {
  return (
    error instanceof LocalServiceNotRunning ||
    error instanceof InvalidRulesError ||
    error instanceof RulesFileError
  );
}

export async function rulesFrom(file: string): Promise<Rules> {
  return parseRules(JSON.parse(await readRulesFile(file)), file);
}

/** A whole-number option within bounds, or a usage error naming it. */
export function wholeOption(name: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  }
  return n;
}

/** `--users a,b,c` as a list; undefined when not given. */
export function userListOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const users = value
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  if (users.length === 0) throw new UsageError('--users names no user');
  return users;
}
