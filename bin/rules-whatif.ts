import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { ReplayableHistory } from '../shared/adapters/dynamo/history-reader';
import { whatIfLines } from '../shared/app/what-if-report';
import { whatIf } from '../shared/domain/replay/what-if';
import { loadActiveRules } from '../shared/rules/active-rules';
import { rulesVersionOf } from '../shared/rules/version';
import { rulesFrom, runCli, UsageError, userListOption, wholeOption } from './support/cli';
import { historyTable, readHistories } from './support/history-source';

/**
 * `npm run rules:whatif -- new-rules.json`: what new rules would have made of
 * every user's recorded history, before they go live. Reads, never writes.
 * Exit 0; 1 when the change would take something users have (unless
 * --allow-loss); 2 on usage or a bad rules file.
 */

const USAGE = `Usage: npm run rules:whatif -- <new rules file> [--current <rules file>]
                             [--users a,b,c | --sample N] [--table <name>] [--segments N]
                             [--allow-loss] [--json]

  --current     the rules in effect (default: QUESTLINE_RULES_JSON, else the built-in rules)
  --users       only these users (read with Query); --sample N: N users picked evenly by hash
  --table       a deployed table (AWS credentials and AWS_REGION as for the CLI);
                without it: the running \`npm start\`
  --segments    parallel Scan segments (default 8)
  --allow-loss  the change is meant to take something away: exit 0 anyway
  --json        the whole report as JSON on stdout`;

export function parseWhatIfArgs(argv: string[]) {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('give exactly one new rules file');
  if (values.users !== undefined && values.sample !== undefined)
    throw new UsageError('give --users or --sample, not both');
  const users = userListOption(values.users);
  const sample = values.sample === undefined ? undefined : wholeOption('sample', values.sample, 1);
  const segments = values.segments === undefined ? 8 : wholeOption('segments', values.segments, 1, 1000);
  return {
    file,
    current: values.current,
    users,
    sample,
    table: values.table,
    segments,
    allowLoss: values['allow-loss'] ?? false,
    json: values.json ?? false,
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      current: { type: 'string' },
      users: { type: 'string' },
      sample: { type: 'string' },
      table: { type: 'string' },
      segments: { type: 'string' },
      'allow-loss': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
}

/** Every N-th user by hash: the same sample on every run over the same table. */
export function sampleOf(histories: readonly ReplayableHistory[], size: number): ReplayableHistory[] {
  const hashed = histories.map((h) => ({ h, key: createHash('sha256').update(h.userId).digest('hex') }));
  return hashed
    .sort((a, b) => a.key.localeCompare(b.key))
    .slice(0, size)
    .map(({ h }) => h);
}

async function main(argv: string[]): Promise<number> {
  const args = parseWhatIfArgs(argv);
  const proposed = await rulesFrom(args.file);
  const current = args.current ? await rulesFrom(args.current) : loadActiveRules();
  const target = await historyTable(args.table);
  const started = performance.now();
  let histories = await readHistories(target, {
    segments: args.segments,
    ...(args.users && { users: args.users }),
  });
  const readMs = performance.now() - started;
  if (args.sample !== undefined) histories = sampleOf(histories, args.sample);
  const report = whatIf(current, proposed, histories);
  const replayMs = performance.now() - started - readMs;
  const entries = histories.reduce((n, h) => n + h.steps.length, 0);
  const losing = report.changes.filter((c) => c.losses.length > 0).length;
  if (args.json) {
    console.log(
      JSON.stringify(
        { current: rulesVersionOf(current), proposed: rulesVersionOf(proposed), ...report },
        null,
        2,
      ),
    );
  } else {
    const [was, will] = [rulesVersionOf(current), rulesVersionOf(proposed)];
    console.log(
      `What if: rules ${will.id}${will.label ? ` (${will.label})` : ''} instead of ${was.id}${was.label ? ` (${was.label})` : ''}`,
    );
    console.log(
      `Read ${entries.toLocaleString('en-US')} recorded steps of ${histories.length.toLocaleString('en-US')} users in ${(readMs / 1000).toFixed(1)} s; replayed twice in ${(replayMs / 1000).toFixed(1)} s\n`,
    );
    for (const line of whatIfLines(report)) console.log(line);
  }
  if (losing > 0 && !args.allowLoss) {
    console.error(
      `\nRefused: the new rules would take something away from ${losing} user(s). Re-run with --allow-loss if that is intended.`,
    );
    return 1;
  }
  return 0;
}

runCli(import.meta.url, USAGE, main);
