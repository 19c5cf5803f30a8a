/**
 * `npm run bench [-- <name>]`: one of the benches, each in its own module
 * (imported only when asked for, since each starts its own DynamoDB Local).
 *
 *   apply        the apply path against the raw minimum (the default)
 *   leaderboard  top-10 and my rank at 10k and 100k users, next to the naive count
 */

const benches: Record<string, () => Promise<unknown>> = {
  apply: () => import('./apply'),
  leaderboard: () => import('./leaderboard'),
};

const name = process.argv[2] ?? 'apply';
const bench = benches[name];
if (bench) await bench();
else {
  console.error(`unknown bench "${name}": one of ${Object.keys(benches).join(', ')}`);
  process.exitCode = 2;
}

export {};
