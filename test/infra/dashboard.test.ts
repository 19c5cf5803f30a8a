import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { businessMetrics } from '../../shared/business-metrics';
import { type BuiltApp, buildApp, questlineFunctionIds, resourcesOf, single } from './support/synth';

/** The dashboard's body as one string, with each CloudFormation reference spelled `<Ref:id>`. */
function bodyText(built: BuiltApp): string {
  const dashboard = single(
    Object.values(resourcesOf(built.statelessTemplate, 'AWS::CloudWatch::Dashboard')),
    'dashboard',
  );
  const parts = (dashboard.Properties.DashboardBody as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      const ref = (part as { Ref?: string }).Ref;
      return ref ? `<Ref:${ref}>` : JSON.stringify(part);
    })
    .join('');
}

describe('the operations dashboard', () => {
  let built: BuiltApp;
  let body: string;
  beforeAll(() => {
    built = buildApp();
    body = bodyText(built);
  });
  const ref = (element: unknown) => `<Ref:${built.stateless.getLogicalId(element as CfnElement)}>`;

  it('shows every business metric the code emits, in the Questline namespace', () => {
    for (const name of Object.keys(businessMetrics)) {
      expect(body, name).toMatch(new RegExp(`"Questline","${name}"|MetricName=\\\\"${name}\\\\"`));
    }
  });

  it("shows the API's latency percentiles, the activity route's p95 against its target, and 5xx", () => {
    for (const statistic of ['p50', 'p95', 'p99']) expect(body).toContain(`"stat":"${statistic}"`);
    expect(body).toContain('"Resource","/v1/internal/activities"');
    expect(body).toContain('"value":200');
    expect(body).toContain('"5xx"');
  });

  it('shows errors, throttles and duration of every function', () => {
    const functions = questlineFunctionIds(built.statelessTemplate);
    expect(functions.length).toBeGreaterThan(20);
    for (const metric of ['Errors', 'Throttles', 'Duration']) {
      for (const fn of functions) {
        expect(body, `${metric} of ${fn}`).toContain(`"AWS/Lambda","${metric}","FunctionName","<Ref:${fn}>"`);
      }
    }
  });

  it("shows each stream consumer's iterator age and each queue's depth and age", () => {
    for (const [id, consumer] of built.stateless.streamConsumers) {
      expect(body, id).toContain(`"IteratorAge","FunctionName","${ref(consumer.fn.fn.node.defaultChild)}"`);
    }
    expect(body).toContain('ApproximateNumberOfMessagesVisible');
    expect(body).toContain('ApproximateAgeOfOldestMessage');
    const queueCount = Object.keys(resourcesOf(built.statelessTemplate, 'AWS::SQS::Queue')).length;
    expect(body.match(/"ApproximateAgeOfOldestMessage"/g)?.length).toBe(queueCount);
  });

  it("shows the table's consumed capacity and throttled requests", () => {
    for (const metric of [
      'ConsumedReadCapacityUnits',
      'ConsumedWriteCapacityUnits',
      'ReadThrottleEvents',
      'WriteThrottleEvents',
    ]) {
      expect(body, metric).toContain(`"AWS/DynamoDB","${metric}"`);
    }
  });

  it("shows the scene workflow's executions and its generation time", () => {
    const machine = ref(built.stateless.sceneWorkflow.stateMachine.node.defaultChild);
    for (const metric of ['ExecutionsStarted', 'ExecutionsFailed', 'ExecutionTime']) {
      expect(body, metric).toContain(`"AWS/States","${metric}","StateMachineArn","${machine}"`);
    }
  });

  it('is named in the outputs', () => {
    expect(built.statelessTemplate.toJSON().Outputs.DashboardName).toBeDefined();
  });
});
