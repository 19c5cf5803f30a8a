import { Duration } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { alarmWhen, functionErrorsAlarm } from './alarm';
import type { QuestlineHttpApi } from './http-api';

export interface ApiAlarmsProps {
  httpApi: QuestlineHttpApi;
}

/** Seed 000's target for awarding points: p95 under 200 ms, end to end at the API. */
export const ACTIVITY_P95_TARGET_MS = 200;

/**
 * The API promises bad input is a 4xx, never a 5xx: so any 5xx, and any
 * function error, is a defect worth a look. Recording an activity is the hot
 * path, held to its latency target.
 */
export class ApiAlarms extends Construct {
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, { httpApi }: ApiAlarmsProps) {
    super(scope, id);
    this.alarms.push(
      alarmWhen(this, 'Api5xx', {
        description: 'Questline HTTP API answered 5xx: a bug or a dependency failure, never bad input',
        metric: httpApi.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
        runbook: 'api5xx',
      }),
      // Two bad five-minute windows of three: a lone cold start or deploy does not page anyone.
      alarmWhen(this, 'ActivityLatencyP95', {
        description: `Questline POST /v1/internal/activities: p95 latency over ${ACTIVITY_P95_TARGET_MS} ms`,
        metric: httpApi.routeMetric('RecordActivity', 'Latency', {
          period: Duration.minutes(5),
          statistic: 'p95',
        }),
        threshold: ACTIVITY_P95_TARGET_MS,
        periods: 3,
        datapoints: 2,
        runbook: 'activityLatency',
      }),
    );
    for (const [routeId, fn] of httpApi.functions) {
      this.alarms.push(functionErrorsAlarm(this, `${routeId}Errors`, routeId, fn.fn));
    }
  }
}
