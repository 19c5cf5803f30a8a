import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlerLoader } from '../../shared/local/handler-loader';
import { parseLocalOptions, UsageError } from '../../shared/local/local-options';
import { loadSecrets, resolveStateDir, writeLocalInfo } from '../../shared/local/state-dir';
import { route } from './support/gateway-harness';
import { REPO_ROOT } from './support/local-process';

/** The pieces `npm start` is assembled from, exercised on their own. */

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'questline-e2e-state-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('state dir', () => {
  it('defaults to <repo>/.questline and follows QUESTLINE_HOME', () => {
    expect(resolveStateDir({}, '/repo')).toBe('/repo/.questline');
    expect(resolveStateDir({ QUESTLINE_HOME: '/elsewhere/q' }, '/repo')).toBe('/elsewhere/q');
  });

  it('keeps the internal key and the signing key across restarts', async () => {
    const home = await tempDir();
    const first = await loadSecrets(home);
    await writeLocalInfo(home, {
      api_url: 'http://127.0.0.1:1',
      dashboard_url: 'http://127.0.0.1:1/',
      openapi_url: 'http://127.0.0.1:1/v1/openapi.json',
      dev_token_url: 'http://127.0.0.1:1/dev/token',
      events_url: 'http://127.0.0.1:3',
      event_bus_name: 'questline',
      ws_url: 'ws://127.0.0.1:4',
      scenes_url: 'http://127.0.0.1:1/scenes/',
      stepfunctions_url: 'http://127.0.0.1:5',
      scene_workflow_arn: 'arn:aws:states:us-east-1:000000000000:stateMachine:questline-scenes',
      internal_key: first.internalKey,
      table_name: 'questline-local',
      dynamodb_endpoint: 'http://127.0.0.1:2',
      pid: 1,
      dynamodb_pid: 2,
      started_at: new Date().toISOString(),
    });
    const second = await loadSecrets(home);
    expect(second.internalKey).toBe(first.internalKey);
    expect(Buffer.from(second.signingKey).equals(Buffer.from(first.signingKey))).toBe(true);
    expect(first.signingKey.length).toBe(32);
  });

  it('gives each state dir its own secrets, readable by the owner only', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    expect((await loadSecrets(a)).internalKey).not.toBe((await loadSecrets(b)).internalKey);
    await writeLocalInfo(a, {
      api_url: 'x',
      dashboard_url: 'x',
      openapi_url: 'x',
      dev_token_url: 'x',
      events_url: 'x',
      event_bus_name: 'x',
      ws_url: 'x',
      scenes_url: 'x',
      stepfunctions_url: 'x',
      scene_workflow_arn: 'x',
      internal_key: (await loadSecrets(a)).internalKey,
      table_name: 'questline-local',
      dynamodb_endpoint: 'x',
      pid: 1,
      dynamodb_pid: 2,
      started_at: 'x',
    });
    expect((await stat(join(a, 'local.json'))).mode & 0o077).toBe(0);
    expect(JSON.parse(await readFile(join(a, 'local.json'), 'utf8')).table_name).toBe('questline-local');
  });
});

describe('options', () => {
  it('reads flags from argv and ports from env', () => {
    const options = parseLocalOptions(
      ['--in-memory', '--rules', 'r.json'],
      { PORT: '0', DYNAMODB_PORT: '8123' },
      '/r',
    );
    expect(options).toMatchObject({ inMemory: true, rulesFile: 'r.json', port: 0, dynamoDbPort: 8123 });
  });

  it('serves on 3000 with data kept and a free DynamoDB port by default', () => {
    const options = parseLocalOptions([], {}, '/r');
    expect(options).toMatchObject({ inMemory: false, port: 3000, stateDir: '/r/.questline' });
    expect(options.dynamoDbPort).toBeUndefined();
  });

  it.each([[['--nope']], [['--rules']], [['extra']]])('refuses %j with the usage text', (argv) => {
    expect(() => parseLocalOptions(argv, {}, '/r')).toThrow(UsageError);
  });

  it('refuses a PORT that is not a port number', () => {
    expect(() => parseLocalOptions([], { PORT: '70000' }, '/r')).toThrow(/PORT=70000/);
  });
});

describe('handler loader', () => {
  it('imports a route entry relative to the repo root and returns its handler', async () => {
    const load = createHandlerLoader(REPO_ROOT);
    const handler = await load(route({ id: 'Echo', path: '/echo' }));
    expect(typeof handler).toBe('function');
    expect(await load(route({ id: 'Echo', path: '/echo' }))).toBe(handler);
  });

  it('fails naming the module when it exports no handler', async () => {
    const load = createHandlerLoader(REPO_ROOT);
    await expect(
      load.preload([route({ id: 'Broken', path: '/b', entry: 'test/e2e/fixtures/no-handler.ts' })]),
    ).rejects.toThrow('test/e2e/fixtures/no-handler.ts (Broken) does not export a function named handler');
  });
});
