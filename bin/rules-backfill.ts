import { parseArgs } from 'node:util';
import { DynamoGameStore } from '../shared/adapters/dynamo/game-store';
import { makeBackfillUser, type UserBackfill } from '../shared/app/backfill-user';
import { forEachConcurrently } from '../shared/concurrency';
import { loadActiveRules } from '../shared/rules/active-rules';
import { rulesVersionOf } from '../shared/rules/version';
import { rulesFrom, runCli, UsageError, userListOption, wholeOption } from './support/cli';
import { historyTable, readHistories } from './support/history-source';

/**
 * `npm run rules:backfill`: after new rules went live, grants every user
 * what those rules give for their recorded past (achievements newly met and
 * their rewards) through the ledger; never takes anything away. Safe to run
 * again or while another run is going: each grant is applied once per (user,
 * rules version, achievement). Exit 0; 1 when a user's grants failed; 2 on usage.
 */

const USAGE = `Usage: npm run rules:backfill -- [--rules <file>] [--users a,b,c] [--table <name>]
                               [--segments N] [--concurrency N]

  --rules        the rules now in effect (default: QUESTLINE_RULES_JSON, else the built-in rules);
                 locally, the file given to npm start --rules
  --users        only these users
  --table        a deployed table (AWS credentials and AWS_REGION as for the CLI);
                 without it: the running \`npm start\`
  --segments     parallel Scan segments (default 8)
  --concurrency  users backfilled at once (default 8)`;

function parseBackfillArgs(argv: string[]) {
  let values: ReturnType<typeof parse>['values'];
  try {
    ({ values } = parse(argv));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    rules: values.rules,
    users: userListOption(values.users),
    table: values.table,
    segments: values.segments === undefined ? 8 : wholeOption('segments', values.segments, 1, 1000),
    concurrency: values.concurrency === undefined ? 8 : wholeOption('concurrency', values.concurrency, 1, 64),
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    options: {
      rules: { type: 'string' },
      users: { type: 'string' },
      table: { type: 'string' },
      segments: { type: 'string' },
      concurrency: { type: 'string' },
    },
  });
}

async function main(argv: string[]): Promise<number> {
  const args = parseBackfillArgs(argv);
  const rules = args.rules ? await rulesFrom(args.rules) : loadActiveRules();
  const target = await historyTable(args.table);
  const histories = await readHistories(target, {
    segments: args.segments,
    ...(args.users && { users: args.users }),
  });
  const store = new DynamoGameStore(target);
  const backfill = makeBackfillUser({ store, rules, clock: { now: () => new Date() } });
  const results: UserBackfill[] = [];
  let failed = 0;
  await forEachConcurrently(histories, args.concurrency, async (history) => {
    try {
      const result = await backfill(history);
      results.push(result);
      for (const g of result.granted)
        console.log(`${result.userId}: ${g.achievementId} (+${g.xp} XP, +${g.coins} coins)`);
    } catch (error) {
      failed += 1;
      console.error(`${history.userId}: failed: ${(error as Error).message}`);
    }
  });
  const granted = results.flatMap((r) => r.granted);
  const sum = (pick: (g: (typeof granted)[number]) => number) => granted.reduce((n, g) => n + pick(g), 0);
  console.log(
    `Backfill under rules ${rulesVersionOf(rules).id}: ${results.length} users read, ${granted.length} achievement(s) granted to ${results.filter((r) => r.granted.length > 0).length} user(s), +${sum((g) => g.xp)} XP, +${sum((g) => g.coins)} coins${failed > 0 ? `; ${failed} user(s) failed: run again` : ''}`,
  );
  return failed > 0 ? 1 : 0;
}

runCli(import.meta.url, USAGE, main);
