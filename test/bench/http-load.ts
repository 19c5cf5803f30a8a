/**
 * `npm run bench:http`: DESIGN.md's local HTTP goal. The real `npm start`
 * runtime (in memory) takes an open-loop load: 1000 simulated users, each
 * sending one activity every 5 s (~200 requests/s), for 60 s
 * (BENCH_HTTP_SECONDS, BENCH_HTTP_USERS to change). Goal: p95 < 200 ms, zero
 * errors.
 *
 * - Latency is measured from each request's scheduled send time, so a
 *   stalled server cannot hide its backlog (no coordinated omission).
 * - A warm-up (10 s at a quarter of the rate, other users) comes first and
 *   is reported on its own: a fresh process JIT-compiles Node and DynamoDB
 *   Local's Java for its first few seconds, which is start-up, not load.
 * - The client is node:http with keep-alive, not fetch: on this 2-core
 *   machine the load generator shares the CPU with the runtime and Java.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cleanup, startLocal } from '../e2e/support/local-process';
import { recentDaytimeIso } from '../support/daytime';

const USERS = Number(process.env.BENCH_HTTP_USERS ?? 1000);
const PERIOD_MS = 5000;
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 60);
const RATE = USERS / (PERIOD_MS / 1000);
const WARM_UP = { seconds: 10, rate: RATE / 4 };

type Status = number | 'network';

interface Phase {
  latencies: number[];
  statuses: Status[];
  seconds: number;
}

function post(agent: Agent, url: URL, key: string, body: string): Promise<Status> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: '/v1/internal/activities',
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve('network'));
    req.end(body);
  });
}

/** Fires request i at start + i / rate seconds, whatever the earlier ones are doing. */
async function openLoop(target: { url: URL; key: string }, rate: number, seconds: number, users: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.round(rate * seconds);
  const phase: Phase = { latencies: [], statuses: [], seconds: 0 };
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let next = 0; next < total; ) {
    const now = performance.now();
    for (; next < total && start + (next * 1000) / rate <= now; next += 1) {
      const scheduledAt = start + (next * 1000) / rate;
      const body = JSON.stringify({
        event_id: randomUUID(),
        user_id: `${users}-${next % USERS}`,
        activity_type: 'flashcard_session',
        occurred_at: recentDaytimeIso(),
      });
      pending.push(
        post(agent, target.url, target.key, body).then((status) => {
          phase.latencies.push(performance.now() - scheduledAt);
          phase.statuses.push(status);
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  phase.seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return phase;
}

/** CPU time (user + system) a process has used, in ms; Linux only, else NaN. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

function report(name: string, phase: Phase): { p95: number; errors: number } {
  const sorted = [...phase.latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const errors = phase.statuses.filter((s) => s !== 201);
  const counts = new Map<Status, number>();
  for (const s of errors) counts.set(s, (counts.get(s) ?? 0) + 1);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(
    `${name.padEnd(8)} ${phase.statuses.length} requests in ${phase.seconds.toFixed(1)} s (${(phase.statuses.length / phase.seconds).toFixed(0)}/s)  ` +
      `p50 ${ms(at(0.5))}  p95 ${ms(at(0.95))}  p99 ${ms(at(0.99))}  max ${ms(sorted.at(-1) ?? Number.NaN)}  ` +
      `errors ${errors.length}${counts.size ? ` (${[...counts].map(([s, n]) => `${s}: ${n}`).join(', ')})` : ''}`,
  );
  return { p95: at(0.95), errors: errors.length };
}

try {
  // BENCH_HTTP_CPU_PROF=<dir>: the runtime writes a V8 CPU profile there when it stops (open it in Chrome's DevTools)
  const profile = process.env.BENCH_HTTP_CPU_PROF;
  const local = await startLocal(
    ['--in-memory'],
    {},
    profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
  );
  const target = { url: new URL(local.info.api_url), key: local.info.internal_key };
  console.log(
    `open loop: ${USERS} users, one activity each every ${PERIOD_MS / 1000} s (${RATE}/s) for ${SECONDS} s, after a ${WARM_UP.seconds} s warm-up at ${WARM_UP.rate}/s`,
  );
  report('warm-up', await openLoop(target, WARM_UP.rate, WARM_UP.seconds, 'warm-user'));
  const cpuBefore = { runtime: cpuMs(local.info.pid), java: cpuMs(local.info.dynamodb_pid) };
  const measured = await openLoop(target, RATE, SECONDS, 'load-user');
  const { p95, errors } = report('measured', measured);
  const perRequest = (pid: number, before: number) =>
    `${((1000 * (cpuMs(pid) - before)) / measured.statuses.length).toFixed(0)} us`;
  console.log(
    `cpu/req  runtime ${perRequest(local.info.pid, cpuBefore.runtime)}, DynamoDB Local ${perRequest(local.info.dynamodb_pid, cpuBefore.java)}`,
  );
  console.log(`goal     p95 < 200 ms and zero errors: ${p95 < 200 && errors === 0 ? 'met' : 'NOT met'}`);
} finally {
  await cleanup();
}
