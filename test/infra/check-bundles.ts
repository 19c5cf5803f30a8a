/**
 * Builds the real Lambda bundles (esbuild, as `cdk synth` does) with a rules
 * file carrying a unique marker, then checks each bundle: it built, it is
 * within the size goal, and it carries the operator's rules rather than only
 * the shipped defaults. Too slow for the infra tier (it bundles every route),
 * so it runs on its own: `node --import tsx test/infra/check-bundles.ts`.
 * Exits 1 when a check fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { projectRoot } from '../../lib/project-root';
import { routes } from '../../shared/http/routes';
import { webSocketAuthorizer } from '../../shared/realtime/websocket-routes';
import { tableStreamConsumers } from '../../shared/streams/table-stream-consumers';
import { defineApp } from './support/synth';

/** DESIGN.md: each Lambda bundle <= 500 KB minified. */
const MAX_BUNDLE_BYTES = 500 * 1024;
/** DESIGN.md: module init < 150 ms. */
const MAX_INIT_MS = 150;
/**
 * The scene tasks take the S3, Bedrock and Rekognition clients from the
 * Lambda runtime (lib/constructs/scene-workflow.ts) to stay under the size
 * goal, and the runtime's copy loads file by file: they run in an
 * asynchronous workflow, seconds long, on no user's request path.
 */
const MAX_SCENE_TASK_INIT_MS = 250;
const INIT_SAMPLES = 5;

/**
 * Each function's figures on the commit the lean-hot-path work started from
 * (bundle-baseline.json), printed beside today's; a function added since has
 * none.
 */
const baseline: Record<string, { kb: number; initMs: number }> = JSON.parse(
  readFileSync(join(projectRoot, 'test/infra/bundle-baseline.json'), 'utf8'),
).functions;

function beforeOf(id: string): string {
  const before = baseline[id];
  return before
    ? `(before ${before.kb.toFixed(1).padStart(5)} KB, ${String(before.initMs).padStart(3)} ms)`
    : '(new since)';
}

/**
 * Median time to import a bundle in a fresh Node process, as a cold start
 * does (the AWS SDK resolves from node_modules, as the Lambda runtime
 * provides it). Env carries what the functions' config parses at init.
 */
function medianInitMs(bundle: string): number {
  const probe = `const t = performance.now(); await import(${JSON.stringify(bundle)}); console.log(performance.now() - t);`;
  const env = {
    ...process.env,
    TABLE_NAME: 'questline-bundle-check',
    EVENT_BUS_NAME: 'questline',
    AWS_REGION: 'us-east-1',
  };
  const samples = Array.from({ length: INIT_SAMPLES }, () =>
    Number(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { env, encoding: 'utf8' })),
  ).sort((a, b) => a - b);
  return samples[Math.floor(INIT_SAMPLES / 2)] ?? Number.NaN;
}

const workDir = mkdtempSync(join(tmpdir(), 'questline-bundles-'));
// Bundles leave the lazily loaded credential providers external; let them resolve as on Lambda.
symlinkSync(join(projectRoot, 'node_modules'), join(workDir, 'node_modules'));
try {
  const marker = `bundle-check-${Date.now().toString(36)}`;
  const rules = JSON.parse(readFileSync(join(projectRoot, 'shared/rules/default-rules.json'), 'utf8'));
  rules.activities.lesson_complete.description = `Finished a lesson (${marker})`;
  const rulesFile = join(workDir, 'rules.json');
  writeFileSync(rulesFile, JSON.stringify(rules));

  const outdir = join(workDir, 'cdk.out');
  const started = Date.now();
  // NodejsFunction bundles while the app is defined, not at synth
  const { app, stateless } = defineApp({ bundle: true, outdir, questline: { rulesFile } });
  const template = app.synth().getStackByName(stateless.stackName).template;
  // every function: one per route, per stream consumer, per bus target, per WebSocket route, per scene task
  const functions = [
    ...routes.map((r) => ({ id: r.id, fn: stateless.httpApi.functions.get(r.id) })),
    ...tableStreamConsumers.map((c) => ({ id: c.id, fn: stateless.streamConsumers.get(c.id)?.fn })),
    ...[...stateless.busRouting.functions].map(([id, fn]) => ({ id, fn })),
    ...[...stateless.webSocketApi.functions].map(([id, fn]) => ({ id, fn })),
    { id: webSocketAuthorizer.id, fn: stateless.webSocketApi.authorizerFunction },
    ...[...stateless.sceneWorkflow.functions].map(([id, fn]) => ({ id, fn })),
    { id: 'BackfillSegment', fn: stateless.rulesBackfill.fn },
  ];
  console.log(`bundled ${functions.length} functions in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const failures: string[] = [];
  for (const route of functions) {
    const { fn } = route;
    if (!fn) {
      failures.push(`${route.id}: no function`);
      continue;
    }
    const logicalId = stateless.getLogicalId(fn.fn.node.defaultChild as CfnElement);
    // the asset's S3 key is `<hash>.zip`; synth stages it as `asset.<hash>/`
    const s3Key = template.Resources[logicalId].Properties.Code.S3Key as string;
    const bundle = join(outdir, `asset.${s3Key.replace(/\.zip$/, '')}`, 'index.mjs');
    const bytes = statSync(bundle).size;
    const code = readFileSync(bundle, 'utf8');
    // Code that loads the rules reads process.env.QUESTLINE_RULES_JSON, which the define replaces
    // with the document: still named in the bundle, the define missed it; absent, nothing loads them.
    const loadsRules = code.includes('QUESTLINE_RULES_JSON');
    const inlined = code.includes(marker);
    const kb = (bytes / 1024).toFixed(1).padStart(7);
    const initMs = medianInitMs(bundle);
    console.log(
      `${route.id.padEnd(24)} ${kb} KB  init ${initMs.toFixed(0).padStart(4)} ms  ${beforeOf(route.id).padEnd(29)}  rules ${inlined ? 'inlined' : loadsRules ? 'MISSING' : 'not used'}`,
    );
    const maxInitMs = stateless.sceneWorkflow.functions.has(route.id as never)
      ? MAX_SCENE_TASK_INIT_MS
      : MAX_INIT_MS;
    if (initMs > maxInitMs)
      failures.push(`${route.id}: init ${initMs.toFixed(0)} ms is over ${maxInitMs} ms`);
    if (bytes > MAX_BUNDLE_BYTES)
      failures.push(`${route.id}: ${kb.trim()} KB is over the ${MAX_BUNDLE_BYTES / 1024} KB goal`);
    if (loadsRules && !inlined)
      failures.push(`${route.id}: the operator's rules are not inlined in the bundle`);
  }
  if (failures.length > 0) {
    console.error(
      `\n${failures.length} bundle check(s) failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`,
    );
    process.exitCode = 1;
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
