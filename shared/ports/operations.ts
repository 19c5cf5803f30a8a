import type { BusinessMetricName } from '../business-metrics';

// What any use case may use: counters and logs for operators, and the time.

/**
 * Counters for operators (CloudWatch metrics on AWS). Counting is
 * fire-and-forget: it never throws and never slows a request by a round trip.
 */
export interface BusinessMetrics {
  /** adds `value` (default 1) to the counter, optionally by the rules' refusal code */
  count(name: BusinessMetricName, value?: number, reason?: string): void;
}

/** What operators read in the logs, by level (Powertools' logger is one as it is). */
export interface OperationsLog {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export interface Clock {
  now(): Date;
}
