import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LocalInfo, localInfoSchema } from '../../../shared/local/state-dir';

/**
 * Runs the real `npm start` entry point as a child process, the way a developer
 * does, in a throwaway state dir on a free port. Every process it learns about
 * is tracked so `cleanup()` can kill it by PID even when a test failed midway.
 */

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const READY_LINE = /^Ready at /m;

export interface LocalProcess {
  child: ChildProcess;
  home: string;
  output(): string;
  /** resolves with the exit code (null when killed by a signal) */
  exited: Promise<number | null>;
  /** how long a SIGTERM may take before SIGKILL */
  stopGraceMs: number;
}

export interface RunningLocal extends LocalProcess {
  info: LocalInfo;
}

const tracked = { running: new Set<LocalProcess>(), pids: new Set<number>(), homes: new Set<string>() };

export async function spawnLocal(
  args: string[],
  env: Record<string, string> = {},
  /** flags for node itself, e.g. --cpu-prof (which NODE_OPTIONS refuses) */
  nodeArgs: string[] = [],
): Promise<LocalProcess> {
  const home = await mkdtemp(join(tmpdir(), 'questline-e2e-'));
  tracked.homes.add(home);
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  // whatever the developer's shell exported must not leak into the run under test
  delete inherited.DYNAMODB_PORT;
  delete inherited.QUESTLINE_RULES_JSON;
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'bin/local.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...inherited, PORT: '0', QUESTLINE_HOME: home, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid) tracked.pids.add(pid);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      if (pid) tracked.pids.delete(pid);
      resolve(code);
    }),
  );
  // A runtime under --cpu-prof writes its profile as it exits, which takes seconds after a long run.
  const stopGraceMs = nodeArgs.some((arg) => arg.startsWith('--cpu-prof')) ? 120_000 : 5_000;
  const local = { child, home, output: () => output, exited, stopGraceMs };
  tracked.running.add(local);
  exited.then(() => tracked.running.delete(local));
  return local;
}

/** Starts the runtime and waits for its ready line, then reads local.json. */
export async function startLocal(
  args: string[],
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<RunningLocal> {
  const local = await spawnLocal(args, env, nodeArgs);
  const deadline = Date.now() + 45_000;
  let exitCode: number | null | undefined;
  local.exited.then((code) => {
    exitCode = code;
  });
  while (!READY_LINE.test(local.output())) {
    if (exitCode !== undefined)
      throw new Error(`npm start exited (${exitCode}) before ready:\n${local.output()}`);
    if (Date.now() > deadline) throw new Error(`npm start not ready after 45 s:\n${local.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const info = localInfoSchema.parse(JSON.parse(await readFile(join(local.home, 'local.json'), 'utf8')));
  tracked.pids.add(info.dynamodb_pid);
  return { ...local, info };
}

/** A PID can be reused once its process is gone: only kill node or java running from here. */
async function isOurs(pid: number): Promise<boolean> {
  try {
    const commandLine = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
    return commandLine.includes('bin/local.ts') || commandLine.includes('DynamoDBLocal.jar');
  } catch {
    // no /proc (macOS): the PID was recorded moments ago, trust it
    return true;
  }
}

function childPids(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Stops every runtime still running (SIGTERM lets it stop its own DynamoDB
 * Local), then SIGKILLs whatever survived, including java children it never
 * reported, and removes the temp state dirs.
 */
export async function cleanup(): Promise<void> {
  await Promise.all(
    [...tracked.running].map(async (local) => {
      if (local.child.pid) for (const pid of childPids(local.child.pid)) tracked.pids.add(pid);
      local.child.kill('SIGTERM');
      await Promise.race([local.exited, new Promise((resolve) => setTimeout(resolve, local.stopGraceMs))]);
    }),
  );
  for (const pid of tracked.pids) {
    if (isAlive(pid) && (await isOurs(pid))) process.kill(pid, 'SIGKILL');
  }
  tracked.pids.clear();
  await Promise.all([...tracked.homes].map((home) => rm(home, { recursive: true, force: true })));
  tracked.homes.clear();
}

/** A dev token for `userId` from the running local runtime (it stands in for Cognito). */
export async function devToken(local: RunningLocal, userId: string): Promise<string> {
  const response = await fetch(`${local.info.api_url}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user_id: userId }),
  });
  if (response.status !== 200) throw new Error(`/dev/token answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}
