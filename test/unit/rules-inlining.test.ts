import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import type { loadActiveRules } from '../../shared/rules/active-rules';
import { defaultRules } from '../../shared/rules/load';

const dir = await mkdtemp(join(tmpdir(), 'questline-rules-inline-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Bundles the cold-start loader the way the CDK does, with the rules inlined by esbuild's define. */
async function bundleWithInlinedRules(rulesJson: string): Promise<typeof loadActiveRules> {
  const result = await build({
    entryPoints: ['shared/rules/active-rules.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    define: { 'process.env.QUESTLINE_RULES_JSON': JSON.stringify(rulesJson) },
  });
  const file = join(dir, `bundle-${Date.now()}-${Math.random()}.mjs`);
  await writeFile(file, result.outputFiles[0]?.text ?? '');
  return (await import(pathToFileURL(file).href)).loadActiveRules;
}

describe('rules inlined into a bundle', () => {
  it('are the rules the bundled function plays by, without any environment variable', async () => {
    expect(process.env.QUESTLINE_RULES_JSON).toBeUndefined();
    const custom = structuredClone(defaultRules());
    custom.levels = { ...custom.levels, base_xp: 250 };
    const load = await bundleWithInlinedRules(JSON.stringify(custom));
    expect(load().levels.base_xp).toBe(250);
  });

  it('fail at cold start naming the field when invalid', async () => {
    const broken = { ...structuredClone(defaultRules()), multipliers: { vip: { standard: 2, premium: 1 } } };
    const load = await bundleWithInlinedRules(JSON.stringify(broken));
    expect(() => load()).toThrow(/multipliers\./);
  });
});
