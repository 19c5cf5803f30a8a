import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDynamoDbLocalJar } from '../../shared/local/dynamodb-local';
import defaultRulesJson from '../../shared/rules/default-rules.json';
import { cleanup, spawnLocal } from './support/local-process';

/** `npm start` refuses clearly, with exit 1 and no stack trace, when it cannot run. */

let dir: string;
let emptyPath: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'questline-e2e-rules-'));
  emptyPath = await mkdtemp(join(tmpdir(), 'questline-e2e-nopath-'));
});
afterAll(async () => {
  await cleanup();
  await Promise.all([dir, emptyPath].map((path) => rm(path, { recursive: true, force: true })));
});

async function runToCompletion(args: string[], env: Record<string, string> = {}) {
  const local = await spawnLocal(args, env);
  const code = await local.exited;
  return { code, output: local.output() };
}

// independent child processes: run them side by side to keep the tier short
describe.concurrent('npm start fails fast', () => {
  it('names the bad field of an invalid --rules file', async () => {
    const rules = structuredClone(defaultRulesJson);
    rules.levels.growth = 5;
    const file = join(dir, 'bad-growth.json');
    await writeFile(file, JSON.stringify(rules));
    const { code, output } = await runToCompletion(['--in-memory', '--rules', file]);
    expect(code).toBe(1);
    expect(output).toContain('levels.growth');
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('says a --rules file is not JSON', async () => {
    const file = join(dir, 'not-json.json');
    await writeFile(file, '{ "version": 1,');
    const { code, output } = await runToCompletion(['--in-memory', '--rules', file]);
    expect(code).toBe(1);
    expect(output).toContain(`The rules file ${file} is not valid JSON`);
  });

  it('says which port is taken and how to pick another', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, output } = await runToCompletion(['--in-memory'], { PORT: String(port) });
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} is already in use`);
      expect(output).toContain('PORT');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('prints the Java install command when java is not on PATH', async () => {
    // the jar is fetched beforehand: this run must fail on Java, not on the download
    await ensureDynamoDbLocalJar();
    const { code, output } = await runToCompletion(['--in-memory'], { PATH: emptyPath });
    expect(code).toBe(1);
    expect(output).toMatch(/Java 17\+/);
    expect(output).toContain('apt-get install');
    expect(output).not.toMatch(/^\s+at /m);
  }, 60_000);

  it('rejects an unknown flag with the usage text', async () => {
    const { code, output } = await runToCompletion(['--in-memroy']);
    expect(code).toBe(1);
    expect(output).toContain('Usage: npm start');
  });
});
