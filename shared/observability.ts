import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';
import { METRICS_NAMESPACE, METRICS_SERVICE, REFUSAL_REASON_DIMENSION } from './business-metrics';
import type { BusinessMetrics, OperationsLog } from './ports/operations';

/**
 * One logger and one metrics emitter per process (module singletons), shared
 * by every middleware, handler and adapter in the bundle. Both keep their
 * per-invocation state (log keys, the Lambda context, buffered metrics) in
 * Powertools' invocation-scoped stores: one invocation at a time on Lambda,
 * and each its own scope where several share a process (the local runtime,
 * Lambda managed instances).
 */

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? METRICS_SERVICE });

type LogContext = Parameters<typeof logger.appendKeys>[0];

/** The logger as the use cases' port: a message and its context, by level. */
export const operationsLog: OperationsLog = {
  debug: (message, context = {}) => logger.debug(message, context as LogContext),
  info: (message, context = {}) => logger.info(message, context as LogContext),
  warn: (message, context = {}) => logger.warn(message, context as LogContext),
  error: (message, context = {}) => logger.error(message, context as LogContext),
};

/** EMF to stdout, namespace Questline, constant dimension service=questline. */
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });

/** The metric every HTTP request emits once: `Requests`, by route and outcome. */
export const OUTCOME_METRIC = 'Requests';

// Read per call, so a test can turn metrics on; the local runtime turns them off
// (EMF lines mean nothing without CloudWatch and would flood the terminal).
const metricsDisabled = () => process.env.POWERTOOLS_METRICS_DISABLED === 'true';

/**
 * The outcome metric's emitter: a single metric flushes at once and holds
 * its own dimensions, which the flush clears. One per process, built on
 * first use: `singleMetric()` builds a Metrics instance, reading its whole
 * configuration from the environment, which cost every request about 20 us.
 */
let outcomeEmitter: Metrics | undefined;

/** Emits one count for a route's outcome (`ok` or an error code). */
export function recordOutcome(routeId: string, outcome: string): void {
  if (metricsDisabled()) return;
  outcomeEmitter ??= metrics.singleMetric();
  // Dimensions and metric in one synchronous step: the metric's flush clears the dimensions.
  outcomeEmitter.addDimensions({ route: routeId, outcome });
  outcomeEmitter.addMetric(OUTCOME_METRIC, MetricUnit.Count, 1);
}

/**
 * The business metrics port as EMF: counts are buffered and leave as one
 * line when the invocation ends (flushMetrics), so an activity costs one
 * log line, not one per counter. A count by reason has its own dimension
 * set, so it is a single metric, written at once.
 */
export const emfBusinessMetrics: BusinessMetrics = {
  count(name, value = 1, reason) {
    if (value <= 0 || metricsDisabled()) return;
    if (reason === undefined) {
      metrics.addMetric(name, MetricUnit.Count, value);
      return;
    }
    const single = metrics.singleMetric();
    single.addDimension(REFUSAL_REASON_DIMENSION, reason);
    single.addMetric(name, MetricUnit.Count, value);
  },
};

/**
 * Writes the invocation's buffered metrics, whether it succeeded or threw.
 * Not Powertools' logMetrics: that one warns in the log on every invocation
 * that counted nothing (every read).
 */
function flushMetrics<E, R>(): MiddlewareObj<E, R> {
  const flush = () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return { after: flush, onError: flush };
}

/**
 * What every Lambda handler uses first: log lines carrying the invocation's
 * context (function name, request id), and its business metrics flushed at
 * the end. `.use(lambdaObservability())`.
 */
export function lambdaObservability<E, R>(): MiddlewareObj<E, R>[] {
  return [injectLambdaContext(logger, { resetKeys: true }) as MiddlewareObj<E, R>, flushMetrics<E, R>()];
}
