import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { type BusinessMetricName, METRICS_NAMESPACE, METRICS_SERVICE } from '../../shared/business-metrics';

/**
 * The runbook's sections (README "Runbook"), one per kind of alarm. Every
 * alarm names its section in its description, so the notification an
 * operator receives says where to read next; a test holds the README's
 * headings and the template's alarms to this list.
 */
export const RUNBOOK = {
  functionErrors: 'Function errors',
  api5xx: 'API 5xx',
  activityLatency: 'Activity latency p95',
  deadLetters: 'Dead letters',
  inboundLag: 'Inbound queue lag',
  streamBatchesGivenUp: 'Stream batches given up',
  streamFallingBehind: 'Stream consumer falling behind',
  eventsDropped: 'Events dropped',
  webhookDisabled: 'Webhook endpoint disabled',
  sceneFailures: 'Scene failure rate',
  sceneBacklog: 'Scene backlog',
  sceneDuration: 'Scene generation time',
} as const;

export type RunbookSection = keyof typeof RUNBOOK;

/** How an alarm's description ends: the runbook section to read. */
export const runbookPointer = (section: RunbookSection) => `Runbook: README "${RUNBOOK[section]}".`;

/**
 * The one kind of alarm Questline sets: the metric reached `threshold` (in
 * `datapoints` of the last `periods` periods; by default one of one). No
 * data is fine: nothing happened. Every alarm notifies the stack's alarm
 * topic (Monitoring.notifyAll).
 */
export function alarmWhen(
  scope: Construct,
  id: string,
  opts: {
    description: string;
    metric: IMetric;
    runbook: RunbookSection;
    threshold?: number;
    periods?: number;
    datapoints?: number;
  },
): Alarm {
  return new Alarm(scope, id, {
    alarmDescription: `${opts.description}. ${runbookPointer(opts.runbook)}`,
    metric: opts.metric,
    threshold: opts.threshold ?? 1,
    evaluationPeriods: opts.periods ?? 1,
    datapointsToAlarm: opts.datapoints ?? opts.periods ?? 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}

/** Every function has one: it threw or timed out in the last five minutes. */
export function functionErrorsAlarm(scope: Construct, id: string, name: string, fn: IFunction): Alarm {
  return alarmWhen(scope, id, {
    description: `Questline ${name}: the function threw or timed out`,
    metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
    runbook: 'functionErrors',
  });
}

/** A business metric (shared/business-metrics.ts, EMF), summed over five minutes. */
export function businessMetric(name: BusinessMetricName): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { service: METRICS_SERVICE },
    statistic: 'Sum',
    period: Duration.minutes(5),
  });
}

/**
 * An outcome event that broke its contract is never published (a consumer
 * would choke on it): it is a defect in Questline, and the event is lost to
 * every consumer until someone republishes it, so one is worth a page.
 */
export function eventsDroppedAlarm(scope: Construct, id: string): Alarm {
  return alarmWhen(scope, id, {
    description: 'Questline: an outcome event broke its contract and was not published',
    metric: businessMetric('EventsDropped'),
    runbook: 'eventsDropped',
  });
}

export function webhookDisabledAlarm(scope: Construct, id: string): Alarm {
  return alarmWhen(scope, id, {
    description: 'Questline: a webhook endpoint failed every delivery for a day and was disabled',
    metric: businessMetric('WebhookEndpointsDisabled'),
    runbook: 'webhookDisabled',
  });
}
