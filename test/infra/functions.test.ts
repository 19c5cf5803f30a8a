import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../shared/http/routes';
import { sceneWorkflowTasks } from '../../shared/scenes/scene-task-table';
import { tableStreamConsumers } from '../../shared/streams/table-stream-consumers';
import {
  type BuiltApp,
  buildApp,
  type CfnResource,
  questlineFunctionIds,
  resourcesOf,
  routeFunction,
  single,
} from './support/synth';

let built: BuiltApp;
beforeAll(() => {
  built = buildApp({ questline: { logRetentionDays: 14 } });
});

describe('function defaults', () => {
  let functions: CfnResource[];
  beforeAll(() => {
    const all = resourcesOf(built.statelessTemplate, 'AWS::Lambda::Function');
    functions = questlineFunctionIds(built.statelessTemplate).map((id) => all[id] as CfnResource);
    // and two more, CDK's own: the dashboard's upload and the backfill's start, at deploy time
    expect(Object.keys(all).length - functions.length).toBe(2);
    expect(functions).toHaveLength(
      routes.length +
        tableStreamConsumers.length +
        built.stateless.busRouting.functions.size +
        built.stateless.webSocketApi.functions.size +
        1 + // the WebSocket $connect authorizer
        sceneWorkflowTasks.length +
        1, // the rules backfill's BackfillSegment
    );
  });

  it('run Node.js 22 on arm64', () => {
    for (const fn of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
    }
  });

  it('trace with X-Ray', () => {
    for (const fn of functions) expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
  });

  it('configure Powertools through the environment', () => {
    for (const fn of functions) {
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'questline',
        POWERTOOLS_METRICS_NAMESPACE: 'Questline',
        LOG_LEVEL: expect.any(String),
      });
    }
  });

  it('carry no rules in the environment (they are inlined in the bundle, past the 4 KB limit)', () => {
    for (const fn of functions) {
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables.QUESTLINE_RULES_JSON).toBeUndefined();
    }
  });

  it('stop well before API Gateway gives up (30 s), behind the HTTP API', () => {
    for (const route of routes) {
      const { functionId } = routeFunction(built, route.id);
      const fn = resourcesOf(built.statelessTemplate, 'AWS::Lambda::Function')[functionId];
      expect(fn?.Properties.Timeout, route.id).toBeLessThan(30);
    }
    for (const fn of functions) expect(fn.Properties.MemorySize).toBeGreaterThanOrEqual(256);
  });

  it('give each scene task the time and memory its step needs (a model draws in seconds, sharp wants memory)', () => {
    for (const task of sceneWorkflowTasks) {
      const fn = built.stateless.sceneWorkflow.functions.get(task.id)?.fn;
      const id = built.stateless.getLogicalId(fn?.node.defaultChild as CfnElement);
      const props = resourcesOf(built.statelessTemplate, 'AWS::Lambda::Function')[id]?.Properties;
      expect(props, task.id).toMatchObject({ Timeout: task.timeoutSeconds, MemorySize: task.memorySize });
    }
  });

  it('log to their own log group with the configured retention', () => {
    const logGroups = resourcesOf(built.statelessTemplate, 'AWS::Logs::LogGroup');
    const used = functions.map(
      (fn) => (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref,
    );
    expect(new Set(used).size).toBe(functions.length);
    for (const id of used) expect(logGroups[id]?.Properties.RetentionInDays).toBe(14);
  });
});

describe('alarms', () => {
  let alarms: CfnResource[];
  beforeAll(() => {
    alarms = Object.values(resourcesOf(built.statelessTemplate, 'AWS::CloudWatch::Alarm'));
  });

  it('alarm on any 5xx from the API', () => {
    const api = built.stateless.resolve(built.stateless.httpApi.api.apiId);
    const fiveXx = alarms.filter(
      (a) =>
        a.Properties.MetricName === '5xx' &&
        a.Properties.Namespace === 'AWS/ApiGateway' &&
        JSON.stringify(a.Properties.Dimensions).includes(JSON.stringify(api)),
    );
    expect(single(fiveXx, '5xx alarm').Properties.Threshold).toBe(1);
  });

  it('alarm on errors of every function', () => {
    for (const route of routes) {
      const ref = { Ref: routeFunction(built, route.id).functionId };
      const errors = alarms.filter(
        (a) =>
          a.Properties.MetricName === 'Errors' &&
          a.Properties.Namespace === 'AWS/Lambda' &&
          JSON.stringify(a.Properties.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: ref }]),
      );
      expect(errors, `an Errors alarm for ${route.id}`).toHaveLength(1);
    }
  });
});
