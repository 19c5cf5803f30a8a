/**
 * `npm run bench [-- <name>]`: one of the benches, each in its own module
 * (imported only when asked for: most start their own DynamoDB Local).
 *
 *   apply        the apply path against the raw minimum (the default)
 *   leaderboard  top-10 and my rank at 10k and 100k users, next to the naive count
 *   handler      CPU per call: the record-activity handler, its use case, the raw minimum
 *   scene        the procedural scene renderer and sharp, ms per scene; trigger -> frame locally
 *   whatif       rules:whatif over 100,000 ledger entries: read and replay, seconds per 100,000
 */

const benches: Record<string, () => Promise<unknown>> = {
  apply: () => import('./apply'),
  leaderboard: () => import('./leaderboard'),
  scene: () => import('./scene'),
  handler: () => import('./handler-cpu'),
  whatif: () => import('./whatif'),
};

const name = process.argv[2] ?? 'apply';
const bench = benches[name];
if (bench) await bench();
else {
  console.error(`unknown bench "${name}": one of ${Object.keys(benches).join(', ')}`);
  process.exitCode = 2;
}

export {};
