import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAchievementCatalog } from '../../shared/rules/achievements-schema';
import defaultRulesJson from '../../shared/rules/default-rules.json';
import { defaultShopRules } from '../../shared/rules/shop-schema';
import { recentDaytimeIso } from '../support/daytime';
import { quizFan } from '../support/replay-fixtures';
import { connectSocket } from '../support/ws-client';
import { cleanup, devToken, REPO_ROOT, type RunningLocal, startLocal } from './support/local-process';

/** `npm run rules:whatif` and `rules:backfill` as an operator runs them: against the running `npm start`. */

let local: RunningLocal;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'questline-whatif-'));
  local = await startLocal(['--in-memory']);
  for (const [eventId, type] of [
    ['wi-1', 'daily_login'],
    ['wi-2', 'quiz_completed'],
  ]) {
    const response = await fetch(`${local.info.api_url}/v1/internal/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${local.info.internal_key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        event_id: eventId,
        user_id: 'wi-ada',
        activity_type: type,
        occurred_at: recentDaytimeIso(),
      }),
    });
    expect(response.status).toBe(201);
  }
}, 60_000);

afterAll(async () => {
  await cleanup();
  await rm(dir, { recursive: true, force: true });
});

async function rulesFile(name: string, edit: (doc: Record<string, unknown>) => void = () => {}) {
  const doc = structuredClone(defaultRulesJson) as unknown as Record<string, unknown>;
  edit(doc);
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(doc));
  return file;
}

const whatIf = (...args: string[]) => cli('bin/rules-whatif.ts', args);

function cli(entry: string, args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, QUESTLINE_HOME: local.home, QUESTLINE_RULES_JSON: '' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Quizzes worth 45 XP instead of 30, and no Welcome Back achievement (which wi-ada holds). */
const richerWithoutWelcome = (doc: Record<string, unknown>) => {
  doc.label = 'quizzes up, welcome gone';
  const activities = doc.activities as Record<string, { xp: number }>;
  activities.quiz_completed = { ...activities.quiz_completed, xp: 45 };
  const achievements = defaultAchievementCatalog();
  delete achievements.first_login;
  doc.achievements = achievements;
  const shop = defaultShopRules() as {
    items: Record<string, { requirement: { kind: string; achievement?: string } }>;
  };
  for (const item of Object.values(shop.items)) {
    if (item.requirement.achievement === 'first_login') item.requirement = { kind: 'coins' };
  }
  doc.shop = shop;
};

describe('npm run rules:whatif', { timeout: 60_000 }, () => {
  it('finds no change when the proposed rules are the ones in effect', async () => {
    const { code, stdout } = whatIf(await rulesFile('same.json'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/Read 2 recorded steps of 1 users/);
    expect(stdout).toContain('Users that change: 0 of 1');
  });

  it('shows the diff and refuses a change that takes an achievement away', async () => {
    const { code, stdout, stderr } = whatIf(await rulesFile('new.json', richerWithoutWelcome));
    expect(code).toBe(1);
    expect(stdout).toMatch(/What if: rules r[0-9a-f]+ \(quizzes up, welcome gone\) instead of/);
    expect(stdout).toMatch(/wi-ada: XP \d+ -> \d+.*loses first_login/);
    expect(stdout).toContain('wi-ada: achievement first_login');
    expect(stderr).toContain('Re-run with --allow-loss');
  });

  it('exits 0 with --allow-loss and prints the whole report with --json', async () => {
    const { code, stdout } = whatIf(
      await rulesFile('new2.json', richerWithoutWelcome),
      '--allow-loss',
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.changes).toHaveLength(1);
    const [ada] = report.changes;
    expect(ada.userId).toBe('wi-ada');
    expect(ada.after.xp - ada.before.xp).toBe(15 - 5);
    expect(ada.achievementsLost).toEqual(['first_login']);
    expect(report.proposed.label).toBe('quizzes up, welcome gone');
  });

  it('reads just the users named with --users', async () => {
    const { code, stdout } = whatIf(
      await rulesFile('new3.json', richerWithoutWelcome),
      '--users',
      'wi-ada,nobody',
      '--allow-loss',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/Read 2 recorded steps of 1 users/);
    expect(stdout).toContain('Users that change: 1 of 1');
  });

  it('answers a usage error with exit 2', () => {
    const { code, stderr } = whatIf('--sample', '0', 'x.json');
    expect(code).toBe(2);
    expect(stderr).toContain('--sample must be a whole number');
  });
});

/** The defaults plus Quiz Taster (one quiz), which wi-ada's past meets. */
const withQuizTaster = (doc: Record<string, unknown>) => {
  doc.achievements = {
    ...defaultAchievementCatalog(),
    quiz_taster: {
      ...quizFan,
      name: 'Quiz Taster',
      description: 'Finish a quiz',
      criterion: { ...quizFan.criterion, min: 1 },
      reward: { xp: 7, coins: 3 },
    },
  };
};

describe('npm run rules:backfill', { timeout: 60_000 }, () => {
  it('grants what the past meets, through the ledger, and pushes the unlock marked backfill', async () => {
    const before = await me('wi-ada');
    const socket = await connectSocket(local.info.ws_url, await devToken(local, 'wi-ada'));
    try {
      const { code, stdout } = cli('bin/rules-backfill.ts', [
        '--rules',
        await rulesFile('taster.json', withQuizTaster),
      ]);
      expect(code).toBe(0);
      expect(stdout).toContain('wi-ada: quiz_taster (+7 XP, +3 coins)');
      expect(stdout).toMatch(/1 achievement\(s\) granted to 1 user\(s\), \+7 XP, \+3 coins/);
      const frame = await socket.waitFor((f) => f.event === 'achievement_unlocked', 15_000);
      expect(frame.data).toMatchObject({ achievement_id: 'quiz_taster', backfill: true, reward_xp: 7 });
    } finally {
      await socket.close();
    }
    const after = await me('wi-ada');
    expect({ xp: after.xp - before.xp, coins: after.coins - before.coins }).toEqual({ xp: 7, coins: 3 });
  });

  it('grants nothing on a second run', async () => {
    const { code, stdout } = cli('bin/rules-backfill.ts', [
      '--rules',
      await rulesFile('taster2.json', withQuizTaster),
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/0 achievement\(s\) granted to 0 user\(s\), \+0 XP, \+0 coins/);
  });
});

async function me(userId: string): Promise<{ xp: number; coins: number }> {
  const response = await fetch(`${local.info.api_url}/v1/me`, {
    headers: { authorization: `Bearer ${await devToken(local, userId)}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { xp: number; coins: number };
}
