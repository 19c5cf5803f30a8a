import { cleanup, devToken, startLocal } from '../e2e/support/local-process';
import { recentDaytimeIso } from '../support/daytime';
import { connectSocket } from '../support/ws-client';

/**
 * `npm run bench:realtime`: the local latency from an activity's HTTP
 * request to its points_awarded frame on the user's WebSocket, over 200
 * activities sent one after another (after 20 to warm up). The path is the
 * whole of it: the transaction, DynamoDB Local's stream, the outbox
 * publisher, the local bus, the notifier and the management API.
 */

const COUNT = Number(process.env.BENCH_REALTIME_COUNT ?? 200);
const WARM_UP = 20;
/** Activities take turns among these users, each with a socket, to stay under the rules' hourly caps. */
const USERS = 10;

const local = await startLocal(['--in-memory']);
try {
  const { api_url: api, internal_key: key, ws_url: wsUrl } = local.info;
  const tokenFor = (userId: string) => devToken(local, userId);
  const users = Array.from({ length: USERS }, (_, u) => `bench-rt-${u}`);
  const sockets = await Promise.all(users.map(async (u) => connectSocket(wsUrl, await tokenFor(u))));
  const latencies: number[] = [];
  /** the request's own share: from sending it to its 201 (the rest is stream, bus, notifier, socket) */
  const answered: number[] = [];
  for (let i = 0; i < WARM_UP + COUNT; i++) {
    const eventId = `bench-rt-${i}`;
    const socket = sockets[i % USERS];
    if (!socket) throw new Error('no socket');
    const started = performance.now();
    const response = await fetch(`${api}/v1/internal/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        event_id: eventId,
        user_id: users[i % USERS],
        activity_type: 'flashcard_session',
        occurred_at: recentDaytimeIso(),
      }),
    });
    if (response.status !== 201) throw new Error(`activity ${i} answered ${response.status}`);
    if (i >= WARM_UP) answered.push(performance.now() - started);
    await socket.waitFor((f) => f.event === 'points_awarded' && f.data.event_id === eventId, 10_000);
    if (i >= WARM_UP) latencies.push(performance.now() - started);
  }
  await Promise.all(sockets.map((socket) => socket.close()));
  const percentiles = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) =>
      (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(0);
    return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
  };
  console.log(
    `activity request -> points_awarded frame, ${COUNT} activities after ${WARM_UP} to warm up: ${percentiles(latencies)}`,
  );
  console.log(`  of which the request itself (to its 201): ${percentiles(answered)}`);
} finally {
  await cleanup();
}
