import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { ApiFunction } from './api-function';

export interface ApiAlarmsProps {
  api: HttpApi;
  functions: ReadonlyMap<string, ApiFunction>;
}

/**
 * The API promises bad input is a 4xx, never a 5xx: so any 5xx, and any
 * function error, is a defect worth a look. Alarms carry no action here;
 * operators attach their own notification target.
 */
export class ApiAlarms extends Construct {
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ApiAlarmsProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    this.alarms.push(
      new Alarm(this, 'Api5xx', {
        alarmDescription: 'Questline HTTP API answered 5xx: a bug or a dependency failure, never bad input',
        metric: props.api.metricServerError({ period, statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    for (const [routeId, fn] of props.functions) {
      this.alarms.push(
        new Alarm(this, `${routeId}Errors`, {
          alarmDescription: `Questline ${routeId}: the function threw or timed out`,
          metric: fn.fn.metricErrors({ period, statistic: 'Sum' }),
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }
  }
}
