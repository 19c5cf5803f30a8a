/**
 * `npm run bench:http`: DESIGN.md's local HTTP goal. The real `npm start`
 * runtime (in memory) takes an open-loop load: 1000 simulated users, each
 * sending one activity every 5 s (~200 requests/s), for 60 s
 * (BENCH_HTTP_SECONDS to change). Latency is measured from each request's
 * scheduled send time, so a stalled server cannot hide its backlog
 * (no coordinated omission). Goal: p95 < 200 ms, zero errors.
 */
import { randomUUID } from 'node:crypto';
import { cleanup, startLocal } from '../e2e/support/local-process';

const USERS = Number(process.env.BENCH_HTTP_USERS ?? 1000);
const PERIOD_MS = 5000;
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 60);
const RATE = USERS / (PERIOD_MS / 1000);

interface Result {
  latencyMs: number;
  status: number | 'network';
}

async function send(url: string, key: string, user: number, scheduledAt: number): Promise<Result> {
  const body = JSON.stringify({
    event_id: randomUUID(),
    user_id: `load-user-${user}`,
    activity_type: 'flashcard_session',
    occurred_at: new Date().toISOString(),
  });
  try {
    const response = await fetch(`${url}/v1/internal/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body,
    });
    await response.arrayBuffer();
    return { latencyMs: performance.now() - scheduledAt, status: response.status };
  } catch {
    return { latencyMs: performance.now() - scheduledAt, status: 'network' };
  }
}

/** Fires request i at start + i / RATE seconds, whatever the previous ones are doing. */
async function openLoop(url: string, key: string): Promise<Result[]> {
  const total = Math.round(RATE * SECONDS);
  const start = performance.now();
  const pending: Promise<Result>[] = [];
  let next = 0;
  while (next < total) {
    const now = performance.now();
    while (next < total && start + (next * 1000) / RATE <= now) {
      pending.push(send(url, key, next % USERS, start + (next * 1000) / RATE));
      next += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return Promise.all(pending);
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

try {
  const local = await startLocal(['--in-memory'], { POWERTOOLS_LOG_LEVEL: 'WARN' });
  console.log(
    `open loop: ${USERS} users, one activity each every ${PERIOD_MS / 1000} s (${RATE}/s) for ${SECONDS} s`,
  );
  const started = performance.now();
  const results = await openLoop(local.info.api_url, local.info.internal_key);
  const seconds = (performance.now() - started) / 1000;
  const latencies = results.map((r) => r.latencyMs).sort((a, b) => a - b);
  const errors = results.filter((r) => r.status !== 201);
  const byStatus = Object.entries(
    errors.reduce<Record<string, number>>((acc, r) => {
      acc[r.status] = (acc[r.status] ?? 0) + 1;
      return acc;
    }, {}),
  );
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(
    `requests   ${results.length} in ${seconds.toFixed(1)} s (${(results.length / seconds).toFixed(0)}/s)`,
  );
  console.log(
    `latency    p50 ${ms(percentile(latencies, 0.5))}  p95 ${ms(percentile(latencies, 0.95))}  p99 ${ms(percentile(latencies, 0.99))}  max ${ms(latencies.at(-1) ?? Number.NaN)}`,
  );
  console.log(
    `errors     ${errors.length}${byStatus.length ? ` (${byStatus.map(([s, n]) => `${s}: ${n}`).join(', ')})` : ''}`,
  );
  const p95 = percentile(latencies, 0.95);
  console.log(
    `goal       p95 < 200 ms and zero errors: ${p95 < 200 && errors.length === 0 ? 'met' : 'NOT met'}`,
  );
} finally {
  await cleanup();
}
