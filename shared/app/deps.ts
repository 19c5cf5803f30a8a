import type { GameStore } from '../ports/game';
import type { BusinessMetrics, Clock } from '../ports/operations';
import type { Rules } from '../rules/schema';
import type { RetryPolicy } from './contention-retry';

/** What every use case is built from; the composition root (shared/wiring.ts) makes one. */
export interface AppDeps {
  store: GameStore;
  rules: Rules;
  clock: Clock;
  /** how long and how eagerly to retry writes that lost a race; defaults suit a Lambda */
  retry?: Partial<RetryPolicy>;
  /** operators' counters; absent (tests, tools) counts nothing */
  metrics?: BusinessMetrics;
}
