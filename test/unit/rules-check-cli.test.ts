import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultRules } from '../../shared/rules/load';
import { rulesVersionOf } from '../../shared/rules/version';
import { rulesDocument } from './fixtures';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'rules-check-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rulesCheck(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bin/rules-check.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('npm run rules:check', { timeout: 30_000 }, () => {
  it('checks the default rules when no file is given', () => {
    const { code, stdout } = rulesCheck();
    expect(code).toBe(0);
    expect(stdout).toMatch(/Rules OK: shared\/rules\/default-rules.json/);
    expect(stdout).toMatch(/activities: 9/);
    expect(stdout).toMatch(/max level: 100/);
    expect(stdout).toMatch(/XP to reach max level: 680,760,758/);
    expect(stdout).toMatch(/Novice 1-9/);
    expect(stdout).toMatch(/scene 6 at 10000 XP/);
    expect(stdout).toContain(`version: ${rulesVersionOf(defaultRules()).id}\n`);
  });

  it('summarizes a good file and exits 0', () => {
    const doc = rulesDocument();
    doc.levels = { base_xp: 50, growth: 1, max_level: 10 };
    doc.titles = [{ from_level: 1, to_level: 10, title: 'Player' }];
    doc.label = 'small world';
    const { code, stdout } = rulesCheck(write('good.json', JSON.stringify(doc)));
    expect(code).toBe(0);
    // another document, another version; the label beside it
    expect(stdout).toMatch(/version: r[0-9a-f]{16} \(small world\)/);
    expect(stdout).not.toContain(rulesVersionOf(defaultRules()).id);
    expect(stdout).toMatch(/max level: 10\b/);
    expect(stdout).toMatch(/XP to reach max level: 450/);
  });

  it('names each bad field and exits 1', () => {
    const doc = rulesDocument();
    doc.multipliers.vip = { standard: 2, premium: 1 };
    const quiz = doc.activities.quiz_completed;
    if (quiz) quiz.xp = -1;
    const { code, stderr } = rulesCheck(write('bad.json', JSON.stringify(doc)));
    expect(code).toBe(1);
    expect(stderr).toMatch(/multipliers\.vip\.premium: premium cannot be below standard/);
    expect(stderr).toMatch(/activities\.quiz_completed\.xp: /);
  });

  it('explains a file that is not JSON', () => {
    const { code, stderr } = rulesCheck(write('broken.json', '{ "version": 1,'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/is not valid JSON/);
  });

  it('explains a missing file', () => {
    const { code, stderr } = rulesCheck(join(dir, 'absent.json'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/Cannot read rules file .*absent\.json: no such file/);
  });
});
