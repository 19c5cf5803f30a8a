import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * One logger and one metrics emitter per process (module singletons), shared
 * by every middleware and handler in the bundle. The service name comes from
 * POWERTOOLS_SERVICE_NAME, which the function construct sets per route.
 */
const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'questline';

export const logger = new Logger({ serviceName });

export const metrics = new Metrics({ namespace: 'Questline', serviceName });

/** The metric every request emits once: `Requests`, by route and outcome. */
export const OUTCOME_METRIC = 'Requests';

/**
 * Emits one count for a route's outcome (`ok` or an error code). A single
 * metric flushes at once and holds its own dimensions, so concurrent requests
 * in one process (the local runtime) never mix their dimensions.
 */
export function recordOutcome(routeId: string, outcome: string): void {
  // A single metric is a new Metrics instance (about 0.15 ms): skip it where
  // metrics are off (the local runtime, tests), read per call so a test can turn them on.
  if (process.env.POWERTOOLS_METRICS_DISABLED === 'true') return;
  const single = metrics.singleMetric();
  single.addDimensions({ route: routeId, outcome });
  single.addMetric(OUTCOME_METRIC, MetricUnit.Count, 1);
}
