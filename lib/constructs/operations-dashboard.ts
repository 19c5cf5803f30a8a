import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import { Dashboard, GraphWidget, type IMetric, Metric, TextWidget } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ACTIVITY_P95_TARGET_MS } from './api-alarms';
import { INBOUND_LAG_ALARM_SECONDS } from './bus-routing';
import { businessWidgets } from './business-widgets';
import type { QuestlineHttpApi } from './http-api';
import { SCENE_ALARMS } from './scene-workflow';

export interface OperationsDashboardProps {
  httpApi: QuestlineHttpApi;
  /** the WebSocket API's id and stage, for its connection and message counts */
  webSocket: { apiId: string; stageName: string };
  /** every function of the stack, by the id operators know it by (route, bus route, consumer) */
  functions: ReadonlyMap<string, IFunction>;
  /** the table's stream consumers, by id */
  streamConsumers: ReadonlyMap<string, IFunction>;
  /** every queue worth watching, by a label (inbound, dead letters, failed batches) */
  queues: ReadonlyMap<string, IQueue>;
  table: ITable;
  /** the scene workflow's state machine */
  sceneWorkflow: IStateMachine;
}

const PERIOD = Duration.minutes(1);
const WIDE = 12;
const THIRD = 8;
const HEIGHT = 6;

/**
 * One CloudWatch dashboard for the whole service: what the game did
 * (business metrics), how the API answers (latency, errors), how each
 * function, stream consumer and queue keeps up, and the table's capacity.
 * Its name is an output, next to the alarm topic.
 */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(3) });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# Questline\nBusiness metrics (namespace `Questline`), then the API, functions, streams, queues and table. Every alarm names its section of the README runbook.',
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(...businessWidgets({ period: PERIOD, width: THIRD, height: HEIGHT }));
    this.dashboard.addWidgets(...apiWidgets(props.httpApi), webSocketWidget(props.webSocket));
    this.dashboard.addWidgets(...functionWidgets(props.functions));
    this.dashboard.addWidgets(...streamAndQueueWidgets(props.streamConsumers, props.queues));
    this.dashboard.addWidgets(...tableWidgets(props.table), ...sceneWidgets(props.sceneWorkflow));

    const region = Stack.of(this).region;
    new CfnOutput(this, 'DashboardName', {
      key: 'DashboardName',
      value: this.dashboard.dashboardName,
      description: `The operations dashboard (CloudWatch console, region ${region})`,
    });
  }
}

function apiWidgets(httpApi: QuestlineHttpApi): GraphWidget[] {
  const latency = (statistic: string) =>
    httpApi.api.metricLatency({ statistic, period: PERIOD, label: `all routes ${statistic}` });
  return [
    new GraphWidget({
      title: 'HTTP API latency (ms)',
      left: [
        latency('p50'),
        latency('p95'),
        latency('p99'),
        httpApi.routeMetric('RecordActivity', 'Latency', {
          statistic: 'p95',
          period: PERIOD,
          label: 'POST /v1/internal/activities p95',
        }),
      ],
      leftAnnotations: [{ value: ACTIVITY_P95_TARGET_MS, label: 'activity p95 target' }],
      width: THIRD,
      height: HEIGHT,
    }),
    new GraphWidget({
      title: 'HTTP API requests and errors',
      left: [httpApi.api.metricCount({ period: PERIOD, label: 'requests' })],
      right: [
        httpApi.api.metricClientError({ period: PERIOD, label: '4xx' }),
        httpApi.api.metricServerError({ period: PERIOD, label: '5xx' }),
      ],
      width: THIRD,
      height: HEIGHT,
    }),
  ];
}

function webSocketWidget(webSocket: OperationsDashboardProps['webSocket']): GraphWidget {
  const metric = (metricName: string) =>
    new Metric({
      namespace: 'AWS/ApiGateway',
      metricName,
      dimensionsMap: { ApiId: webSocket.apiId, Stage: webSocket.stageName },
      statistic: 'Sum',
      period: PERIOD,
    });
  return new GraphWidget({
    title: 'WebSocket API',
    left: [metric('ConnectCount'), metric('MessageCount')],
    right: [metric('ClientError'), metric('ExecutionError')],
    width: THIRD,
    height: HEIGHT,
  });
}

function functionWidgets(functions: ReadonlyMap<string, IFunction>): GraphWidget[] {
  const each = (metric: (fn: IFunction, label: string) => IMetric) =>
    [...functions].map(([label, fn]) => metric(fn, label));
  return [
    new GraphWidget({
      title: 'Function errors',
      left: each((fn, label) => fn.metricErrors({ period: PERIOD, statistic: 'Sum', label })),
      width: THIRD,
      height: HEIGHT,
    }),
    new GraphWidget({
      title: 'Function throttles',
      left: each((fn, label) => fn.metricThrottles({ period: PERIOD, statistic: 'Sum', label })),
      width: THIRD,
      height: HEIGHT,
    }),
    new GraphWidget({
      title: 'Function duration p95 (ms)',
      left: each((fn, label) => fn.metricDuration({ period: PERIOD, statistic: 'p95', label })),
      width: THIRD,
      height: HEIGHT,
    }),
  ];
}

function streamAndQueueWidgets(
  consumers: ReadonlyMap<string, IFunction>,
  queues: ReadonlyMap<string, IQueue>,
): GraphWidget[] {
  const eachQueue = (metric: (queue: IQueue, label: string) => IMetric) =>
    [...queues].map(([label, queue]) => metric(queue, label));
  return [
    new GraphWidget({
      title: 'Stream consumers: iterator age (ms, max)',
      left: [...consumers].map(([label, fn]) =>
        fn.metric('IteratorAge', { period: PERIOD, statistic: 'Maximum', label }),
      ),
      leftAnnotations: [{ value: 60_000, label: 'falling behind' }],
      width: THIRD,
      height: HEIGHT,
    }),
    new GraphWidget({
      title: 'Queues: messages waiting',
      left: eachQueue((queue, label) =>
        queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum', label }),
      ),
      width: THIRD,
      height: HEIGHT,
    }),
    new GraphWidget({
      title: 'Queues: age of the oldest message (s)',
      left: eachQueue((queue, label) =>
        queue.metricApproximateAgeOfOldestMessage({ period: PERIOD, statistic: 'Maximum', label }),
      ),
      leftAnnotations: [{ value: INBOUND_LAG_ALARM_SECONDS, label: 'inbound lag alarm' }],
      width: THIRD,
      height: HEIGHT,
    }),
  ];
}

function tableWidgets(table: ITable): GraphWidget[] {
  return [
    new GraphWidget({
      title: 'DynamoDB consumed capacity (units)',
      left: [
        table.metricConsumedReadCapacityUnits({ period: PERIOD, statistic: 'Sum', label: 'read' }),
        table.metricConsumedWriteCapacityUnits({ period: PERIOD, statistic: 'Sum', label: 'write' }),
      ],
      width: WIDE,
      height: HEIGHT,
    }),
    new GraphWidget({
      title: 'DynamoDB throttled requests and errors',
      left: [
        table.metric('ReadThrottleEvents', { period: PERIOD, statistic: 'Sum', label: 'read throttles' }),
        table.metric('WriteThrottleEvents', { period: PERIOD, statistic: 'Sum', label: 'write throttles' }),
        table.metric('TransactionConflict', {
          period: PERIOD,
          statistic: 'Sum',
          label: 'transaction conflicts',
        }),
      ],
      width: WIDE,
      height: HEIGHT,
    }),
  ];
}

function sceneWidgets(machine: IStateMachine): GraphWidget[] {
  const count = (name: string, label: string) =>
    machine.metric(name, { period: PERIOD, statistic: 'Sum', label });
  return [
    new GraphWidget({
      title: 'Scene workflow executions',
      left: [
        count('ExecutionsStarted', 'started'),
        count('ExecutionsSucceeded', 'succeeded'),
        count('ExecutionsFailed', 'failed'),
        count('ExecutionsTimedOut', 'timed out'),
      ],
      width: THIRD,
      height: HEIGHT,
    }),
    new GraphWidget({
      title: 'Scene generation time (ms)',
      left: [
        machine.metric('ExecutionTime', { period: PERIOD, statistic: 'p50', label: 'p50' }),
        machine.metric('ExecutionTime', { period: PERIOD, statistic: 'p95', label: 'p95' }),
      ],
      leftAnnotations: [{ value: SCENE_ALARMS.p95Seconds * 1000, label: 'p95 alarm' }],
      width: THIRD,
      height: HEIGHT,
    }),
  ];
}
