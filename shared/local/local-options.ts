import { parseArgs } from 'node:util';
import * as z from 'zod';
import { resolveStateDir } from './state-dir';

/** What `npm start` was asked to do: flags from argv, ports and state dir from env. */
export interface LocalOptions {
  inMemory: boolean;
  rulesFile?: string;
  /** 0 picks a free port */
  port: number;
  /** absent: a free port */
  dynamoDbPort?: number;
  stateDir: string;
  help: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: npm start -- [--in-memory] [--rules <file>]

  --in-memory      keep no data: DynamoDB Local runs in memory
  --rules <file>   play by this rules file (validated at start)

Environment:
  PORT             HTTP port (default 3000; 0 picks a free one)
  DYNAMODB_PORT    DynamoDB Local's port (default: a free one)
  QUESTLINE_HOME   state directory (default <repo>/.questline)`;

const port = z.coerce.number().int().min(0).max(65_535);

export function parseLocalOptions(
  argv: string[],
  env: Record<string, string | undefined>,
  repoRoot: string,
): LocalOptions {
  let values: { 'in-memory'?: boolean; rules?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'in-memory': { type: 'boolean' },
        rules: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const options: LocalOptions = {
    inMemory: values['in-memory'] ?? false,
    port: parsePort('PORT', env.PORT, 3000),
    stateDir: resolveStateDir(env, repoRoot),
    help: values.help ?? false,
  };
  if (values.rules !== undefined) options.rulesFile = values.rules;
  if (env.DYNAMODB_PORT) options.dynamoDbPort = parsePort('DYNAMODB_PORT', env.DYNAMODB_PORT, 0);
  return options;
}

function parsePort(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = port.safeParse(value);
  if (!parsed.success) throw new UsageError(`${name}=${value} is not a port number (0-65535)`);
  return parsed.data;
}
