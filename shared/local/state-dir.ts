import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import type { DevAuthSecrets } from './dev-auth';

/**
 * The local runtime's state directory (default `<repo>/.questline`, git-ignored;
 * QUESTLINE_HOME overrides it): DynamoDB Local's data, the dev signing key,
 * the scene images (`scenes/`, served at /scenes/...) and local.json, which
 * tells scripts where the API is and how to call it.
 */

export const LOCAL_INFO_FILE = 'local.json';
const SIGNING_KEY_FILE = 'dev-signing-key';
const KEY_PATTERN = /^[A-Za-z0-9_-]{43,}$/;

export const localInfoSchema = z.object({
  api_url: z.string(),
  /** the player's dashboard (sign in with any user id locally) */
  dashboard_url: z.string(),
  openapi_url: z.string(),
  dev_token_url: z.string(),
  /** the local bus: EventBridge PutEvents (point an EventBridgeClient's `endpoint` here) */
  events_url: z.string(),
  event_bus_name: z.string(),
  /** the WebSocket API: connect with ?token=<dev token> */
  ws_url: z.string(),
  /** where scene images are served (the local stand-in for CloudFront) */
  scenes_url: z.string(),
  /** the scene workflow: Step Functions StartExecution of scene_workflow_arn */
  stepfunctions_url: z.string(),
  scene_workflow_arn: z.string(),
  internal_key: z.string().regex(KEY_PATTERN),
  table_name: z.string(),
  dynamodb_endpoint: z.string(),
  /** lets scripts and tests find and stop what this run started */
  pid: z.number().int(),
  dynamodb_pid: z.number().int(),
  started_at: z.string(),
});

export type LocalInfo = z.infer<typeof localInfoSchema>;

export function resolveStateDir(env: Record<string, string | undefined>, repoRoot: string): string {
  return env.QUESTLINE_HOME ? resolve(env.QUESTLINE_HOME) : join(repoRoot, '.questline');
}

/**
 * Loads the secrets kept across restarts, creating them on first run, so a
 * token or key copied into a script keeps working after Ctrl-C and npm start.
 */
export async function loadSecrets(stateDir: string): Promise<DevAuthSecrets> {
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  const previous = await readJson(join(stateDir, LOCAL_INFO_FILE));
  const kept = z.object({ internal_key: z.string().regex(KEY_PATTERN) }).safeParse(previous);
  const internalKey = kept.success ? kept.data.internal_key : newKey();

  const keyPath = join(stateDir, SIGNING_KEY_FILE);
  let signingKeyText = (await readText(keyPath))?.trim();
  if (!signingKeyText || !KEY_PATTERN.test(signingKeyText)) {
    signingKeyText = newKey();
    await writePrivate(keyPath, `${signingKeyText}\n`);
  }
  return { internalKey, signingKey: Buffer.from(signingKeyText, 'base64url') };
}

export async function writeLocalInfo(stateDir: string, info: LocalInfo): Promise<string> {
  const path = join(stateDir, LOCAL_INFO_FILE);
  await writePrivate(path, `${JSON.stringify(localInfoSchema.parse(info), null, 2)}\n`);
  return path;
}

/** 32 random bytes, base64url: 43 characters. */
function newKey(): string {
  return randomBytes(32).toString('base64url');
}

/** Write then rename, so a reader never sees half a file; owner-only, it holds secrets. */
async function writePrivate(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode: 0o600 });
  await rename(temporary, path);
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
