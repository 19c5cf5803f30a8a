import { fileURLToPath } from 'node:url';
import { parseLocalOptions, USAGE } from '../shared/local/local-options';
import { type LocalRuntime, startLocalRuntime } from '../shared/local/local-runtime';
import { checkNodeVersion } from '../shared/local/node-version';
import { describeStartFailure, startBanner } from '../shared/local/start-messages';

/**
 * `npm start`: the whole service on this machine against DynamoDB Local, no
 * AWS account. Ctrl-C (or SIGTERM) stops everything it started and exits 0.
 */

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// checkNodeVersion says, once and with the command to run, what the SDK's own
// notice about its future Node 22 requirement would repeat on every client.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(): Promise<void> {
  let runtime: LocalRuntime;
  try {
    const { notice } = checkNodeVersion();
    if (notice) console.error(notice);
    const options = parseLocalOptions(process.argv.slice(2), process.env, repoRoot);
    if (options.help) {
      console.log(USAGE);
      return;
    }
    runtime = await startLocalRuntime(options, repoRoot, {
      log: (line) => console.log(line),
      logError: (message, error) =>
        error === undefined ? console.error(message) : console.error(message, error),
    });
    const storage = options.inMemory ? 'in memory' : `data in ${options.stateDir}/dynamodb`;
    console.log(startBanner(runtime.info, runtime.localJsonPath, storage));
  } catch (error) {
    console.error(describeStartFailure(error));
    process.exit(1);
  }

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the HTTP server and DynamoDB Local`);
    try {
      await runtime.stop();
      process.exit(0);
    } catch (error) {
      console.error('Questline did not stop cleanly:', error);
      process.exit(1);
    }
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

await main();
