import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DYNAMODB_LOCAL_CACHE_DIR, ensureDynamoDbLocalJar } from './dynamodb-local-jar';

export { ensureDynamoDbLocalJar } from './dynamodb-local-jar';

/**
 * Amazon's DynamoDB Local, run as a child java process for `npm start`, the
 * tests and the bench (the jar itself: dynamodb-local-jar.ts).
 */

const JAVA_FLAGS = ['-Xmx512m', '-XX:-UsePerfData', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];
/** For hundreds of thousands of items (the leaderboard bench): a bigger heap and the optimising JIT. */
const BULK_JAVA_FLAGS = ['-Xmx3g', '-XX:-UsePerfData', '-XX:+UseParallelGC'];

const run = promisify(execFile);

export class JavaMissingError extends Error {
  override readonly name = 'JavaMissingError';
  constructor(found?: string) {
    super(
      `DynamoDB Local needs a Java 17+ runtime${found ? ` (found ${found})` : ' (no `java` on PATH)'}. Install one:\n` +
        '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
        '  macOS:         brew install openjdk@17',
    );
  }
}

export interface DynamoDbLocalOptions {
  /** a free port is picked when absent */
  port?: number;
  /** keep nothing on disk (the default unless dataDir is given) */
  inMemory?: boolean;
  /** where tables persist between runs */
  dataDir?: string;
  readyTimeoutMs?: number;
  /** tuned for bulk loads rather than a fast start (the default flags are for tests) */
  bulk?: boolean;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export async function startDynamoDbLocal(opts: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const jarDir = await ensureDynamoDbLocalJar();
  await assertJava();
  let storage = ['-inMemory'];
  if (!opts.inMemory && opts.dataDir) {
    await mkdir(opts.dataDir, { recursive: true });
    storage = ['-dbPath', opts.dataDir];
  }
  // A picked port can be taken between probing and java binding it: try another.
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await freePort());
    try {
      const flags = opts.bulk ? BULK_JAVA_FLAGS : JAVA_FLAGS;
      return await launch(jarDir, port, [...storage], flags, opts.readyTimeoutMs ?? 30_000);
    } catch (error) {
      const portTaken = error instanceof Error && /address already in use|BindException/i.test(error.message);
      if (opts.port !== undefined || !portTaken || attempt >= 3) throw error;
    }
  }
}

async function launch(jarDir: string, port: number, storage: string[], flags: string[], timeoutMs: number) {
  const args = [
    ...flags,
    `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(jarDir, 'DynamoDBLocal.jar'),
    '-sharedDb',
    '-disableTelemetry',
    '-port',
    String(port),
    ...storage,
  ];
  // DynamoDB Local drops a metadata file in its working directory: keep it in the git-ignored cache.
  const child = spawn('java', args, { cwd: DYNAMODB_LOCAL_CACHE_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = captureTail(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const releaseHooks = killOnParentExit(child);
  // Neither the child nor its pipes keep the parent alive: a forgotten stop()
  // still ends with the parent, and the exit hook takes java down with it.
  child.unref();
  for (const pipe of [child.stdout, child.stderr]) (pipe as Socket | null)?.unref();
  const stop = async () => {
    releaseHooks();
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), 5_000);
      }),
    ]);
    clearTimeout(timer);
    if (!done) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, exited, timeoutMs, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, pid: child.pid as number, stop };
}

async function waitUntilReady(
  endpoint: string,
  exited: Promise<number | null>,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000 },
  });
  let gone = false;
  const early = exited.then((code) => {
    gone = true;
    throw new Error(`DynamoDB Local exited (code ${code}) before it was ready:\n${output()}`);
  });
  early.catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  try {
    while (!gone) {
      if (Date.now() > deadline)
        throw new Error(`DynamoDB Local not ready after ${timeoutMs} ms:\n${output()}`);
      const ready = await Promise.race([
        client.send(new ListTablesCommand({ Limit: 1 })).then(
          () => true,
          () => false,
        ),
        early,
      ]);
      if (ready) return;
      await delay(100);
    }
    await early;
  } finally {
    client.destroy();
  }
}

async function assertJava(): Promise<void> {
  let banner: string;
  try {
    const { stdout, stderr } = await run('java', ['-version']);
    banner = `${stderr}${stdout}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new JavaMissingError();
    throw error;
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(banner);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : 0;
  if (major < 17) throw new JavaMissingError(match ? `Java ${major}` : 'an unrecognised java');
}

/** Kills java synchronously when the parent exits or is signalled, so a crash leaves nothing behind. */
function killOnParentExit(child: ChildProcess): () => void {
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    // Someone else (the local runtime, vitest) handles the signal and stops
    // java gracefully; the exit hook stays as the backstop.
    if (process.listenerCount(signal) > 0) return;
    kill();
    // Our listener replaced the default "terminate" behaviour: restore it.
    process.kill(process.pid, signal);
  };
  process.once('exit', kill);
  for (const signal of signals) process.once(signal, onSignal);
  return () => {
    process.off('exit', kill);
    for (const signal of signals) process.off(signal, onSignal);
  };
}

function captureTail(child: ChildProcess): () => string {
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
