import { InvalidRulesError } from '../rules/load';
import { JavaMissingError } from './dynamodb-local';
import { UsageError } from './local-options';
import { UnsupportedNodeError } from './node-version';
import { PortInUseError } from './port-check';
import { RulesFileError } from './rules-file';
import type { LocalInfo } from './state-dir';

/** What `npm start` prints once it serves: every URL and a first command to paste. */
export function startBanner(info: LocalInfo, localJsonPath: string, storage: string): string {
  return [
    '',
    `Questline local runtime (${storage})`,
    `  Dashboard   ${info.dashboard_url}  (sign in with any user id)`,
    `  API         ${info.api_url}`,
    `  OpenAPI     ${info.openapi_url}`,
    `  local.json  ${localJsonPath}  (api_url, internal_key for /v1/internal)`,
    '',
    'Get a dev token for a demo user:',
    `  curl -s -X POST ${info.dev_token_url} -H 'content-type: application/json' -d '{"user_id":"demo-user"}'`,
    '',
    `Ready at ${info.api_url} (Ctrl-C stops everything)`,
  ].join('\n');
}

/**
 * Start failures the user can fix get one clear message, not a stack trace;
 * anything else is a bug and keeps its stack.
 */
export function describeStartFailure(error: unknown): string {
  if (
    error instanceof JavaMissingError ||
    error instanceof InvalidRulesError ||
    error instanceof RulesFileError ||
    error instanceof PortInUseError ||
    error instanceof UsageError ||
    error instanceof UnsupportedNodeError
  ) {
    return error.message;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `Questline failed to start:\n${detail}`;
}
