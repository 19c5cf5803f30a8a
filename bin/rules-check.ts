import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { reachableMaxLevel, xpForLevel } from '../shared/domain/level-curve';
import { InvalidRulesError, parseRules } from '../shared/rules/load';
import type { Rules } from '../shared/rules/schema';
import { rulesVersionOf } from '../shared/rules/version';
import { issueLines } from '../shared/zod-issues';

/**
 * `npm run rules:check [file]`: validates a rules file with the same schema
 * the functions use at cold start, so an operator finds a bad field before a
 * deploy does. Exit 0 with a summary, or 1 naming each bad field.
 */

const DEFAULT_FILE = 'shared/rules/default-rules.json';

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

function readDocument(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail([
      `Cannot read rules file ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    fail([`Rules file ${file} is not valid JSON: ${(error as Error).message}`]);
  }
}

function summary(file: string, rules: Rules): string[] {
  const maxLevel = reachableMaxLevel(rules.levels);
  const version = rulesVersionOf(rules);
  const lines = [
    `Rules OK: ${file}`,
    `  version: ${version.id}${version.label !== undefined ? ` (${version.label})` : ''}`,
    `  activities: ${Object.keys(rules.activities).length} (${Object.keys(rules.activities).join(', ')})`,
    `  max level: ${rules.levels.max_level}`,
    `  XP to reach max level: ${xpForLevel(rules.levels, maxLevel).toLocaleString('en-US')}`,
    `  titles: ${rules.titles.map((t) => `${t.title} ${t.from_level}-${t.to_level}`).join(', ')}`,
    `  milestones: ${rules.milestones.map((m) => `scene ${m.scene_level} at ${m.xp} XP`).join(', ') || 'none'}`,
  ];
  if (maxLevel < rules.levels.max_level) {
    lines.push(
      `  warning: the level curve outgrows exact integers after level ${maxLevel}; higher levels are unreachable`,
    );
  }
  return lines;
}

function main(argv: string[]): void {
  const file = argv[0] ?? DEFAULT_FILE;
  const document = readDocument(resolve(file));
  try {
    const rules = parseRules(document, file);
    for (const line of summary(file, rules)) console.log(line);
  } catch (error) {
    if (!(error instanceof InvalidRulesError)) throw error;
    fail([`Invalid rules: ${file}`, ...issueLines(error.issues).map((line) => `  ${line}`)]);
  }
}

main(process.argv.slice(2));
