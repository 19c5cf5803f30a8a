import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { alarmWhen, functionErrorsAlarm } from './alarm';
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
    this.alarms.push(
      alarmWhen(this, 'Api5xx', {
        description: 'Questline HTTP API answered 5xx: a bug or a dependency failure, never bad input',
        metric: props.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      }),
    );
    for (const [routeId, fn] of props.functions) {
      this.alarms.push(functionErrorsAlarm(this, `${routeId}Errors`, routeId, fn.fn));
    }
  }
}
