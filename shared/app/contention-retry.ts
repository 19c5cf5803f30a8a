import { ContentionError } from '../domain/errors';
import type { BusinessMetrics } from '../ports/operations';

/**
 * One user's profile is one item, so concurrent writes for the same user
 * serialize on its version and the losers retry. Full jitter (a random wait up
 * to an exponentially growing ceiling) spreads them out; the budget bounds the
 * request's latency, after which the caller is told to come back (409
 * contention, safe to retry with the same event id).
 */
export interface RetryPolicy {
  /** total time to keep trying, from the first attempt */
  budgetMs: number;
  /** ceiling of the first wait; doubles on each retry */
  baseDelayMs: number;
  /** the ceiling never grows past this */
  maxDelayMs: number;
  /** seconds the caller is told to wait (Retry-After) when the budget runs out */
  retryAfterSeconds: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  budgetMs: 3_000,
  baseDelayMs: 10,
  maxDelayMs: 250,
  retryAfterSeconds: 1,
};

export interface Backoff {
  /** throws ContentionError when the budget is already spent (e.g. waiting for a turn) */
  check(): void;
  /** waits before the next attempt, or throws ContentionError when the budget cannot cover the wait */
  wait(cause: unknown): Promise<void>;
}

export function startBackoff(
  options: { retry?: Partial<RetryPolicy>; metrics?: BusinessMetrics } = {},
  random: () => number = Math.random,
): Backoff {
  const policy = { ...defaultRetryPolicy, ...options.retry };
  const giveUp = (cause?: unknown) => {
    options.metrics?.count('ContentionConflicts');
    return new ContentionError(policy.retryAfterSeconds, cause === undefined ? undefined : { cause });
  };
  // Monotonic time, not the injected Clock: tests freeze the business clock,
  // and the budget is about real latency.
  const deadline = performance.now() + policy.budgetMs;
  let retries = 0;
  return {
    check() {
      if (performance.now() > deadline) throw giveUp();
    },
    async wait(cause) {
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retries);
      const delay = random() * ceiling;
      retries += 1;
      if (performance.now() + delay > deadline) throw giveUp(cause);
      options.metrics?.count('ContentionRetries');
      await new Promise((resolve) => setTimeout(resolve, delay));
    },
  };
}
