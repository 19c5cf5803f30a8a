import type { Duration } from 'aws-cdk-lib';
import { GraphWidget, MathExpression, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import {
  type BusinessMetricName,
  businessMetrics,
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  REFUSAL_REASON_DIMENSION,
} from '../../shared/business-metrics';

/**
 * The business metrics, grouped as operators read them. Every metric of the
 * catalog is in exactly one group: the constructor refuses a catalog metric
 * that no widget shows.
 */
const BUSINESS_GROUPS: { title: string; metrics: BusinessMetricName[] }[] = [
  { title: 'Activities', metrics: ['ActivitiesApplied', 'Duplicates'] },
  { title: 'XP and coins', metrics: ['XpAwarded', 'CoinsAwarded', 'CoinsSpent'] },
  { title: 'Contention', metrics: ['ContentionRetries', 'ContentionConflicts'] },
  { title: 'Shop and achievements', metrics: ['Purchases', 'Redemptions', 'AchievementsUnlocked'] },
  { title: 'Realtime pushes', metrics: ['PushesSent', 'PushesGone', 'PushesFailed'] },
  { title: 'Events out', metrics: ['EventsPublished', 'EventsRefused', 'EventsDropped'] },
  { title: 'Events in', metrics: ['InboundInvalid', 'InboundDeadLettered'] },
  { title: 'Webhooks', metrics: ['WebhooksDelivered', 'WebhookAttemptsFailed', 'WebhookEndpointsDisabled'] },
];
/** Shown per reason, in its own widget. */
const BY_REASON: BusinessMetricName = 'ActivitiesRefused';

/**
 * The dashboard's row of business metrics (shared/business-metrics.ts), one
 * widget per group and refusals by reason. Throws at synth when a metric of
 * the catalog is in no group: the code would emit what nobody sees.
 */
export function businessWidgets(size: { period: Duration; width: number; height: number }): GraphWidget[] {
  assertEveryMetricShown();
  const { period, width, height } = size;
  const business = (name: BusinessMetricName) =>
    new Metric({
      namespace: METRICS_NAMESPACE,
      metricName: name,
      dimensionsMap: { service: METRICS_SERVICE },
      statistic: 'Sum',
      period,
      label: name,
    });
  const refusals = new MathExpression({
    expression: `SEARCH('{${METRICS_NAMESPACE},service,${REFUSAL_REASON_DIMENSION}} MetricName="${BY_REASON}"', 'Sum', ${period.toSeconds()})`,
    label: '',
    period,
  });
  return [
    ...BUSINESS_GROUPS.map(
      (group) => new GraphWidget({ title: group.title, left: group.metrics.map(business), width, height }),
    ),
    new GraphWidget({ title: 'Activities refused, by reason', left: [refusals], width, height }),
  ];
}

function assertEveryMetricShown(): void {
  const shown = new Set<string>([BY_REASON, ...BUSINESS_GROUPS.flatMap((g) => g.metrics)]);
  const missing = Object.keys(businessMetrics).filter((name) => !shown.has(name));
  if (missing.length > 0) throw new Error(`business metrics on no dashboard widget: ${missing.join(', ')}`);
}
