import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONNECTIONS_PER_USER } from '../../shared/realtime/limits';
import { recentDaytimeIso } from '../support/daytime';
import { eventually } from '../support/eventually';
import { connectSocket, refusedStatus, type TestSocket } from '../support/ws-client';
import { cleanup, devToken, type RunningLocal, startLocal } from './support/local-process';

/**
 * Through `npm start`: activities sent by HTTP and as EventBridge
 * events through the local bus reach the user's WebSocket as pushes (via
 * the table stream, the outbox publisher, the bus and the notifier), and
 * never another user's socket.
 */

const root = resolve(import.meta.dirname, '../..');
let local: RunningLocal;
let ada: TestSocket;
let bob: TestSocket;

const tokenFor = (userId: string) => devToken(local, userId);

async function recordByHttp(body: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${local.info.api_url}/v1/internal/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${local.info.internal_key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ occurred_at: recentDaytimeIso(), ...body }),
  });
  return response.status;
}

beforeAll(async () => {
  local = await startLocal(['--in-memory']);
  ada = await connectSocket(local.info.ws_url, await tokenFor('rt-ada'));
  bob = await connectSocket(local.info.ws_url, await tokenFor('rt-bob'));
}, 60_000);
afterAll(async () => {
  await Promise.all([ada?.close(), bob?.close()]);
  await cleanup();
});

const localBusClient = () =>
  new EventBridgeClient({
    endpoint: local.info.events_url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

const about = (eventId: string) => (f: { data: Record<string, unknown> }) => f.data.event_id === eventId;

describe('realtime pushes through the local runtime', () => {
  it('refuses a connection without a token or with a bad one (401)', async () => {
    expect(await refusedStatus(`${local.info.ws_url}/`)).toBe(401);
    expect(await refusedStatus(`${local.info.ws_url}/?token=not-a-token`)).toBe(401);
  });

  it(`keeps ${MAX_CONNECTIONS_PER_USER} sockets a user at most: the next one closes the oldest`, async () => {
    const token = await tokenFor('rt-many-tabs');
    const sockets: TestSocket[] = [];
    for (let i = 0; i < MAX_CONNECTIONS_PER_USER; i++) {
      sockets.push(await connectSocket(local.info.ws_url, token));
      // connections are ordered by their connect time, to the millisecond
      await new Promise((r) => setTimeout(r, 3));
    }
    const newest = await connectSocket(local.info.ws_url, token);
    // a close that does not come fails in seconds, not at the suite's timeout
    const within = <T>(promise: Promise<T> | undefined, ms: number) =>
      Promise.race([promise, new Promise((r) => setTimeout(() => r('still open'), ms))]);
    try {
      // the management API's DELETE closes it normally
      expect(await within(sockets[0]?.closed, 5_000)).toBe(1000);
      newest.send({ action: 'ping' });
      await newest.waitFor((f) => f.event === 'pong');
      expect(await within(sockets[1]?.closed, 300)).toBe('still open');
    } finally {
      await Promise.all([...sockets, newest].map((s) => s.close()));
    }
  });

  it('answers a ping with a pong, and an unknown action with an error frame', async () => {
    const socket = await connectSocket(local.info.ws_url, await tokenFor('rt-pinger'));
    socket.send({ action: 'ping' });
    await socket.waitFor((f) => f.event === 'pong');
    socket.send({ action: 'dance' });
    expect((await socket.waitFor((f) => f.event === 'error')).data).toMatchObject({ code: 'unknown_action' });
    await socket.close();
  });

  it('pushes points_awarded and level_up to the user after an activity sent by HTTP, and nothing to another user', async () => {
    expect(
      await recordByHttp({ event_id: 'rt-http-1', user_id: 'rt-ada', activity_type: 'custom', amount: 500 }),
    ).toBe(201);

    const points = await ada.waitFor((f) => f.event === 'points_awarded' && about('rt-http-1')(f));
    expect(points.data).toMatchObject({ points: 500, new_total: 500, activity: 'custom', multiplier: 1 });
    await ada.waitFor((f) => f.event === 'level_up' && about('rt-http-1')(f));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bob.frames).toEqual([]);
  });

  it('pushes after an activity put on the local bus by an EventBridge client, under a seed event name', async () => {
    const client = localBusClient();
    const put = await client.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: local.info.event_bus_name,
            Source: 'com.example.study-app',
            DetailType: 'lesson_complete',
            Detail: JSON.stringify({
              event_id: 'rt-bus-1',
              user_id: 'rt-ada',
              subject_id: 'lesson-42',
              occurred_at: recentDaytimeIso(),
            }),
          },
        ],
      }),
    );
    client.destroy();
    expect(put.FailedEntryCount).toBe(0);

    const points = await ada.waitFor((f) => f.event === 'points_awarded' && about('rt-bus-1')(f));
    expect(points.data).toMatchObject({ activity: 'lesson_complete' });
    expect(bob.frames).toEqual([]);
  });

  it('pushes nothing new for a duplicate activity', async () => {
    const pushedBefore = ada.frames.filter(about('rt-http-1')).length;
    expect(
      await recordByHttp({ event_id: 'rt-http-1', user_id: 'rt-ada', activity_type: 'custom', amount: 500 }),
    ).toBe(200);
    // a later activity's push proves the pipeline ran past the duplicate
    expect(
      await recordByHttp({ event_id: 'rt-http-2', user_id: 'rt-ada', activity_type: 'quiz_completed' }),
    ).toBe(201);
    await ada.waitFor((f) => f.event === 'points_awarded' && about('rt-http-2')(f));
    expect(ada.frames.filter(about('rt-http-1'))).toHaveLength(pushedBefore);
  });

  it('accepts an event for another bus (or none: the default bus) and routes nothing, as EventBridge does', async () => {
    const client = localBusClient();
    const lesson = (eventId: string, bus?: string) => ({
      ...(bus ? { EventBusName: bus } : {}),
      Source: 'com.example.study-app',
      DetailType: 'lesson_complete',
      Detail: JSON.stringify({
        event_id: eventId,
        user_id: 'rt-ada',
        subject_id: eventId,
        occurred_at: recentDaytimeIso(),
      }),
    });
    const put = await client.send(
      new PutEventsCommand({
        Entries: [
          lesson('rt-nobus'),
          lesson('rt-otherbus', 'orders'),
          // by ARN, the way CDK hands a bus to a producer: routed
          lesson('rt-arnbus', `arn:aws:events:us-east-1:000000000000:event-bus/${local.info.event_bus_name}`),
        ],
      }),
    );
    client.destroy();
    expect(put.FailedEntryCount).toBe(0);
    expect(put.Entries?.every((entry) => entry.EventId)).toBe(true);

    await ada.waitFor((f) => f.event === 'points_awarded' && about('rt-arnbus')(f));
    expect(ada.frames.filter((f) => about('rt-nobus')(f) || about('rt-otherbus')(f))).toEqual([]);
    expect(local.output()).toContain("went to the bus 'default', where no rule routes it");
    expect(local.output()).toContain("went to the bus 'orders', where no rule routes it");
  });
});

describe('logs of the local runtime', () => {
  /** Each function logs lines of its own; all of them share one process (and one logger). */
  const linesOf: Record<string, string> = {
    pushed: 'PushToUsers',
    'leaderboards projected': 'ProjectLeaderboards',
    'unlock statistics counted': 'CountUnlocks',
  };

  it('name the function that wrote them, even while other functions run at the same time', async () => {
    const logged = () =>
      local
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map(
          (line) =>
            JSON.parse(line) as { message?: string; function_name?: string; function_request_id?: string },
        )
        .filter((line) => line.message !== undefined && Object.hasOwn(linesOf, line.message));
    const expected = new Set(Object.keys(linesOf));
    const seen = await eventually(
      async () => new Set(logged().map((line) => line.message)),
      (messages) => messages.size === expected.size,
    );
    expect(seen).toEqual(expected);
    for (const line of logged()) {
      expect(line.function_name, line.message).toBe(linesOf[line.message as string]);
    }
    // one request id per invocation, not one shared by every function
    const ids = new Set(logged().map((line) => line.function_request_id));
    expect(ids.size).toBeGreaterThan(3);
  });
});

/** The runbook's republish command (bin/republish-outbox.ts) against this runtime. */
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

describe('npm run outbox:republish', { timeout: 60_000 }, () => {
  it('publishes a stored outcome again: the same push reaches the socket a second time', async () => {
    const socket = await connectSocket(local.info.ws_url, await tokenFor('rp-ada'));
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
    await socket.close();
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
