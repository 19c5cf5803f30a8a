import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recentDaytimeIso } from '../support/daytime';
import { eventually } from '../support/eventually';
import { connectSocket, type TestSocket } from '../support/ws-client';
import { cleanup, devToken, type RunningLocal, startLocal } from './support/local-process';

/**
 * The runbook's republish command through `npm start`: the outcome's events
 * go over the real local bus again, reach the notifier, and the user's socket
 * gets the same push a second time (consumers drop repeats by metadata.id).
 */

const root = resolve(import.meta.dirname, '../..');
let local: RunningLocal;
let socket: TestSocket;

function republish(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bin/republish-outbox.ts', ...args], {
    cwd: root,
    env: {
      ...process.env,
      QUESTLINE_HOME: local.home,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  local = await startLocal(['--in-memory']);
  socket = await connectSocket(local.info.ws_url, await devToken(local, 'rp-ada'));
}, 60_000);
afterAll(async () => {
  await socket?.close();
  await cleanup();
});

describe('npm run outbox:republish', { timeout: 60_000 }, () => {
  it('publishes a stored outcome again: the same push reaches the socket a second time', async () => {
    const response = await fetch(`${local.info.api_url}/v1/internal/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${local.info.internal_key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        event_id: 'rp-1',
        user_id: 'rp-ada',
        activity_type: 'quiz_completed',
        occurred_at: recentDaytimeIso(),
      }),
    });
    expect(response.status).toBe(201);
    const points = (f: { event: string; data: Record<string, unknown> }) =>
      f.event === 'points_awarded' && f.data.event_id === 'rp-1';
    await socket.waitFor(points);

    const dry = republish('--event', 'rp-ada/rp-1', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('would publish USER#rp-ada EVENT#rp-1');

    const run = republish('--event', 'rp-ada/rp-1');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1 outcome\(s\) found; 3 event\(s\) published to questline/);
    await eventually(
      async () => socket.frames.filter(points).length,
      (count) => count === 2,
    );
  });

  it('says what it did not find (exit 1) and how it is used (exit 2)', () => {
    const missing = republish('--event', 'rp-ada/never');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('not found: rp-ada/never');
    const usage = republish('--event', 'rp-ada/rp-1', '--since', '2026-12-01T00:00:00Z');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('give --event(s) or --since, not both');
  });
});
