import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

/**
 * The one kind of alarm Questline sets: the metric reached `threshold` in
 * one period (no data is fine: nothing happened). Alarms carry no action;
 * operators attach their own notification target.
 */
export function alarmWhen(
  scope: Construct,
  id: string,
  opts: { description: string; metric: IMetric; threshold?: number },
): Alarm {
  return new Alarm(scope, id, {
    alarmDescription: opts.description,
    metric: opts.metric,
    threshold: opts.threshold ?? 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}

/** Every function has one: it threw or timed out in the last five minutes. */
export function functionErrorsAlarm(scope: Construct, id: string, name: string, fn: IFunction): Alarm {
  return alarmWhen(scope, id, {
    description: `Questline ${name}: the function threw or timed out`,
    metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
  });
}
