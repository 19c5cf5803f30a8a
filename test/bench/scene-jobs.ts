import { cleanup, devToken, startLocal } from '../e2e/support/local-process';
import { recentDaytimeIso } from '../support/daytime';
import { connectSocket, type TestSocket } from '../support/ws-client';

/**
 * The second half of `npm run bench -- scene`: through `npm start`, the
 * time from a trigger to the user's scene_generated frame (the bus, the
 * workflow run by the local Step Functions endpoint, its seven task modules,
 * DynamoDB Local's stream, the outbox, the notifier). Two triggers, each on
 * fresh users (one job each):
 *
 * - milestone: an activity crosses 250 XP. Every new user has the default
 *   monster, so after the first this is the cache hit: recorded, not drawn.
 * - requested, regenerate: POST /v1/me/scenes {"regenerate": true}, a new
 *   drawing every time (procedural SVG, sharp, three files written).
 */

const COUNT = Number(process.env.BENCH_SCENE_JOBS ?? 30);
const WARM_UP = 3;

const local = await startLocal(['--in-memory']);
try {
  const { api_url: api, internal_key: key, ws_url: wsUrl } = local.info;
  const tokenFor = (userId: string) => devToken(local, userId);

  async function measure(name: string, trigger: (userId: string, token: string) => Promise<Response>) {
    const latencies: number[] = [];
    for (let i = 0; i < WARM_UP + COUNT; i++) {
      const userId = `bench-scene-${name.replace(/[^a-z]+/g, '-')}${i}`;
      const token = await tokenFor(userId);
      const socket: TestSocket = await connectSocket(wsUrl, token);
      const started = performance.now();
      const response = await trigger(userId, token);
      if (response.status >= 300) throw new Error(`${name} ${i} answered ${response.status}`);
      await socket.waitFor((f) => f.event === 'scene_generated', 20_000);
      if (i >= WARM_UP) latencies.push(performance.now() - started);
      await socket.close();
    }
    const sorted = latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(0);
    console.log(`  ${name.padEnd(22)} p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${at(1)} ms`);
  }

  console.log(
    `trigger -> scene_generated frame through npm start, ${COUNT} jobs each after ${WARM_UP} to warm up`,
  );
  await measure('milestone (cache hit)', (userId) =>
    fetch(`${api}/v1/internal/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        event_id: `${userId}-milestone`,
        user_id: userId,
        activity_type: 'custom',
        amount: 300,
        occurred_at: recentDaytimeIso(),
      }),
    }),
  );
  await measure('requested, regenerate', (_userId, token) =>
    fetch(`${api}/v1/me/scenes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"regenerate":true}',
    }),
  );
} finally {
  await cleanup();
}
