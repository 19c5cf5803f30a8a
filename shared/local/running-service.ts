import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCAL_INFO_FILE, type LocalInfo, localInfoSchema, resolveStateDir } from './state-dir';

/** The running `npm start` is not there (no local.json, or its process is gone). */
export class LocalServiceNotRunning extends Error {}

/**
 * Where the running `npm start` serves (its local.json), for the operator
 * CLIs that act on the local table and bus when given no deployed ones.
 */
export async function runningLocalService(repoRoot: string, hint: string): Promise<LocalInfo> {
  const path = join(resolveStateDir(process.env, repoRoot), LOCAL_INFO_FILE);
  const notRunning = new LocalServiceNotRunning(
    `the local service is not running (${path}): npm start, or ${hint}`,
  );
  const text = await readFile(path, 'utf8').catch(() => {
    throw notRunning;
  });
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw notRunning;
  }
  const parsed = localInfoSchema.safeParse(document);
  if (!parsed.success || !isAlive(parsed.data.pid)) throw notRunning;
  return parsed.data;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
