import { afterEach, describe, expect, it, vi } from 'vitest';

const KEYS = ['TABLE_NAME', 'DYNAMODB_ENDPOINT', 'QUESTLINE_RULES_JSON'] as const;
const saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]));

afterEach(() => {
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  vi.resetModules();
});

describe('the composition root', () => {
  it('fails at import, naming TABLE_NAME, when the table is not configured', async () => {
    delete process.env.TABLE_NAME;
    vi.resetModules();
    await expect(import('../../shared/wiring')).rejects.toThrow(/TABLE_NAME/);
  });

  it('fails at import when the operator rules are invalid', async () => {
    process.env.TABLE_NAME = 'questline-test';
    process.env.QUESTLINE_RULES_JSON = JSON.stringify({ version: 2 });
    vi.resetModules();
    await expect(import('../../shared/wiring')).rejects.toThrow(/Invalid rules/);
  });

  it('refuses an endpoint that is not a URL', async () => {
    process.env.TABLE_NAME = 'questline-test';
    delete process.env.QUESTLINE_RULES_JSON;
    vi.resetModules();
    const { parseConfig } = await import('../../shared/wiring');
    expect(() => parseConfig({ TABLE_NAME: 'questline-test', DYNAMODB_ENDPOINT: 'localhost' })).toThrow(
      /DYNAMODB_ENDPOINT/,
    );
  });

  it('builds each use case once, on first call, and reuses it', async () => {
    process.env.TABLE_NAME = 'questline-test';
    process.env.DYNAMODB_ENDPOINT = 'http://127.0.0.1:1';
    delete process.env.QUESTLINE_RULES_JSON;
    vi.resetModules();
    const wiring = await import('../../shared/wiring');
    const record = wiring.recordActivityUseCase();
    expect(wiring.recordActivityUseCase()).toBe(record);
    expect(wiring.shopViewsUseCase()).toBe(wiring.shopViewsUseCase());
    expect(wiring.activeRules().activities.daily_login).toBeDefined();
  });
});
