import type { CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { questlineBusRoutes } from '../../shared/bus/questline-routes';
import { pushedDetailTypes } from '../../shared/realtime/pushes';
import { defaultRules } from '../../shared/rules/load';
import { asList, type Statement, statementsOfRole, tableGrantResources } from './support/iam';
import {
  type BuiltApp,
  buildApp,
  type CfnResource,
  resourceById,
  resourcesOf,
  single,
} from './support/synth';

describe('bus routing', () => {
  let built: BuiltApp;
  beforeAll(() => {
    built = buildApp();
  });

  const logicalId = (construct: IConstruct) =>
    built.stateless.getLogicalId(construct.node.defaultChild as CfnElement);
  const rules = () => Object.values(resourcesOf(built.statelessTemplate, 'AWS::Events::Rule'));
  const ruleId = (routeId: string) => {
    const rule = built.stateless.busRouting.node.findChild(`${routeId}Rule`);
    return logicalId(rule);
  };
  const rule = (routeId: string) =>
    resourceById(built.statelessTemplate, 'AWS::Events::Rule', ruleId(routeId));
  const fnOf = (routeId: string) => {
    const fn = built.stateless.busRouting.functions.get(routeId);
    if (!fn) throw new Error(`no function for bus route ${routeId}`);
    return fn;
  };
  const queuesOf = (routeId: string) => {
    const queues = built.stateless.busRouting.queues.get(routeId);
    if (!queues) throw new Error(`no queues for bus route ${routeId}`);
    return { queueId: logicalId(queues.queue), deadLettersId: logicalId(queues.deadLetters) };
  };
  const queuePolicyOf = (queueId: string): Statement[] => {
    const policy = single(
      Object.values(resourcesOf(built.statelessTemplate, 'AWS::SQS::QueuePolicy')).filter(
        (p) => JSON.stringify(p.Properties.Queues) === JSON.stringify([{ Ref: queueId }]),
      ),
      `policy of queue ${queueId}`,
    );
    return (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
  };
  const eventBridgeMaySend = (queueId: string, routeId: string) =>
    queuePolicyOf(queueId).filter(
      (s) =>
        s.Effect === 'Allow' &&
        JSON.stringify(s.Principal) === JSON.stringify({ Service: 'events.amazonaws.com' }) &&
        asList(s.Action).includes('sqs:SendMessage') &&
        JSON.stringify(s.Condition) ===
          JSON.stringify({ ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId(routeId), 'Arn'] } } }),
    );

  it('has one rule per route of the routing table, each on the questline bus', () => {
    const routeIds = questlineBusRoutes(defaultRules()).map((r) => r.id);
    expect(routeIds.sort()).toEqual(['ActivitiesIn', 'PushToUsers', 'ScenesOnMilestone', 'WebhooksOut']);
    expect(rules()).toHaveLength(routeIds.length);
    const busName = built.stateless.resolve(built.stateful.eventBus.bus.eventBusName);
    for (const id of routeIds) expect(rule(id).Properties.EventBusName).toEqual(busName);
  });

  it('takes activity.completed and every inbound name of the rules, from any source but questline', () => {
    expect(rule('ActivitiesIn').Properties.EventPattern).toEqual({
      source: [{ 'anything-but': ['questline'] }],
      'detail-type': ['activity.completed', ...Object.keys(defaultRules().inbound_events)],
    });
    expect(Object.keys(defaultRules().inbound_events).length).toBeGreaterThan(0);
  });

  it("pushes questline's own user-facing events to users", () => {
    expect(rule('PushToUsers').Properties.EventPattern).toEqual({
      source: ['questline'],
      'detail-type': [...pushedDetailTypes],
    });
    expect(pushedDetailTypes).toEqual(expect.arrayContaining(['points.awarded', 'level.up']));
  });

  describe('ActivitiesIn', () => {
    const queue = () =>
      resourceById(built.statelessTemplate, 'AWS::SQS::Queue', queuesOf('ActivitiesIn').queueId);

    it('sends matching events to its queue', () => {
      const target = single(rule('ActivitiesIn').Properties.Targets as Record<string, unknown>[], 'target');
      expect(target.Arn).toEqual({ 'Fn::GetAtt': [queuesOf('ActivitiesIn').queueId, 'Arn'] });
    });

    it('encrypts the queue and its dead-letter queue, and refuses plain HTTP to both', () => {
      const { queueId, deadLettersId } = queuesOf('ActivitiesIn');
      for (const id of [queueId, deadLettersId]) {
        const resource = resourceById(built.statelessTemplate, 'AWS::SQS::Queue', id);
        expect(resource.Properties.SqsManagedSseEnabled).toBe(true);
        const denies = queuePolicyOf(id).filter((s) => s.Effect === 'Deny');
        expect(single(denies, 'TLS deny').Condition).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
      }
    });

    it('moves a message to the dead-letter queue after 3 receives', () => {
      expect(queue().Properties.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [queuesOf('ActivitiesIn').deadLettersId, 'Arn'] },
        maxReceiveCount: 3,
      });
    });

    it('parks in the dead-letter queue what the rule cannot deliver to the queue', () => {
      const target = single(rule('ActivitiesIn').Properties.Targets as Record<string, unknown>[], 'target');
      expect(target.DeadLetterConfig).toEqual({
        Arn: { 'Fn::GetAtt': [queuesOf('ActivitiesIn').deadLettersId, 'Arn'] },
      });
      expect(eventBridgeMaySend(queuesOf('ActivitiesIn').deadLettersId, 'ActivitiesIn')).toHaveLength(1);
    });

    it('lets this rule, and only it, send to the queue', () => {
      expect(eventBridgeMaySend(queuesOf('ActivitiesIn').queueId, 'ActivitiesIn')).toHaveLength(1);
      const allows = queuePolicyOf(queuesOf('ActivitiesIn').queueId).filter((s) => s.Effect === 'Allow');
      expect(allows).toHaveLength(1);
    });

    it('feeds the apply function in batches of 10, reporting failures per message', () => {
      const mappings = Object.values(
        resourcesOf(built.statelessTemplate, 'AWS::Lambda::EventSourceMapping'),
      ).filter(
        (m) =>
          JSON.stringify(m.Properties.EventSourceArn) ===
          JSON.stringify({ 'Fn::GetAtt': [queuesOf('ActivitiesIn').queueId, 'Arn'] }),
      );
      const mapping = single(mappings, 'queue event source mapping');
      expect(mapping.Properties.FunctionName).toEqual({ Ref: logicalId(fnOf('ActivitiesIn').fn) });
      expect(mapping.Properties.BatchSize).toBe(10);
      expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    });

    it('gives the apply function read-write access to the table and its indexes, and TABLE_NAME', () => {
      const statements = statementsOfRole(
        built.statelessTemplate,
        logicalId(fnOf('ActivitiesIn').role),
      ).filter((s) => asList(s.Action).some((a) => a.startsWith('dynamodb:')));
      const statement = single(statements, 'DynamoDB statement');
      expect(asList(statement.Action).sort()).toEqual([
        'dynamodb:BatchGetItem',
        'dynamodb:ConditionCheckItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
      ]);
      expect(asList(statement.Resource)).toEqual(
        tableGrantResources(built.stateless, built.stateful.table.table.tableArn),
      );
      const fn = resourceById(
        built.statelessTemplate,
        'AWS::Lambda::Function',
        logicalId(fnOf('ActivitiesIn').fn),
      );
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables.TABLE_NAME).toEqual(built.stateless.resolve(built.stateful.table.table.tableName));
    });
  });

  describe('PushToUsers', () => {
    const target = () =>
      single(rule('PushToUsers').Properties.Targets as Record<string, unknown>[], 'PushToUsers target');

    it('invokes the notifier, retrying twice, then parks the event in its dead-letter queue', () => {
      expect(target().Arn).toEqual({ 'Fn::GetAtt': [logicalId(fnOf('PushToUsers').fn), 'Arn'] });
      expect(target().RetryPolicy).toEqual({ MaximumRetryAttempts: 2 });
      expect(target().DeadLetterConfig).toEqual({
        Arn: { 'Fn::GetAtt': [queuesOf('PushToUsers').deadLettersId, 'Arn'] },
      });
    });

    it('parks an event the notifier failed on after its async retries in the same dead-letter queue', () => {
      const configs = Object.values(
        resourcesOf(built.statelessTemplate, 'AWS::Lambda::EventInvokeConfig'),
      ).filter(
        (c) =>
          JSON.stringify(c.Properties.FunctionName) ===
          JSON.stringify({ Ref: logicalId(fnOf('PushToUsers').fn) }),
      );
      const config = single(configs, 'notifier async invoke config');
      expect(config.Properties.MaximumRetryAttempts).toBe(2);
      expect(config.Properties.DestinationConfig).toEqual({
        OnFailure: { Destination: { 'Fn::GetAtt': [queuesOf('PushToUsers').deadLettersId, 'Arn'] } },
      });
      const sends = statementsOfRole(built.statelessTemplate, logicalId(fnOf('PushToUsers').role)).filter(
        (s) => asList(s.Action).includes('sqs:SendMessage'),
      );
      expect(single(sends, 'notifier send to dead letters').Resource).toEqual({
        'Fn::GetAtt': [queuesOf('PushToUsers').deadLettersId, 'Arn'],
      });
    });

    it('lets this rule send to the dead-letter queue, encrypted', () => {
      const { deadLettersId } = queuesOf('PushToUsers');
      expect(eventBridgeMaySend(deadLettersId, 'PushToUsers')).toHaveLength(1);
      const queue = resourceById(built.statelessTemplate, 'AWS::SQS::Queue', deadLettersId);
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    });

    it('lets only this rule invoke the notifier', () => {
      const permissions = Object.values(
        resourcesOf(built.statelessTemplate, 'AWS::Lambda::Permission'),
      ).filter(
        (p) =>
          JSON.stringify(p.Properties.FunctionName) ===
          JSON.stringify({ 'Fn::GetAtt': [logicalId(fnOf('PushToUsers').fn), 'Arn'] }),
      );
      const permission = single(permissions, 'notifier invoke permission');
      expect(permission.Properties.Principal).toBe('events.amazonaws.com');
      expect(permission.Properties.SourceArn).toEqual({ 'Fn::GetAtt': [ruleId('PushToUsers'), 'Arn'] });
    });
  });

  it.each(['ActivitiesIn', 'PushToUsers', 'WebhooksOut'])(
    'alarms as soon as one message waits in the %s dead-letter queue',
    (routeId) => {
      const alarms: CfnResource[] = Object.values(
        resourcesOf(built.statelessTemplate, 'AWS::CloudWatch::Alarm'),
      ).filter(
        (a) =>
          a.Properties.Namespace === 'AWS/SQS' &&
          JSON.stringify(a.Properties.Dimensions) ===
            JSON.stringify([
              { Name: 'QueueName', Value: { 'Fn::GetAtt': [queuesOf(routeId).deadLettersId, 'QueueName'] } },
            ]),
      );
      const alarm = single(alarms, `${routeId} dead-letter alarm`);
      expect(alarm.Properties.MetricName).toBe('ApproximateNumberOfMessagesVisible');
      expect(alarm.Properties.Threshold).toBe(1);
      expect(alarm.Properties.ComparisonOperator).toBe('GreaterThanOrEqualToThreshold');
      expect(alarm.Properties.TreatMissingData).toBe('notBreaching');
    },
  );

  it('gives the webhook consumer a minute, its queue and dead-letter queue to send to, and no lag alarm', () => {
    const resource = resourceById(
      built.statelessTemplate,
      'AWS::Lambda::Function',
      logicalId(fnOf('WebhooksOut').fn),
    );
    expect(resource.Properties.Timeout).toBe(60);
    const variables = (resource.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    const { queueId, deadLettersId } = queuesOf('WebhooksOut');
    expect(variables.WEBHOOK_QUEUE_URL).toEqual({ Ref: queueId });
    expect(variables.WEBHOOK_DLQ_URL).toEqual({ Ref: deadLettersId });
    expect(
      resourceById(built.statelessTemplate, 'AWS::SQS::Queue', queueId).Properties.VisibilityTimeout,
    ).toBe(360);
    const sends = statementsOfRole(built.statelessTemplate, logicalId(fnOf('WebhooksOut').role))
      .filter((s) => asList(s.Action).includes('sqs:SendMessage'))
      .map((s) => JSON.stringify(s.Resource));
    expect(sends.sort()).toEqual(
      [
        JSON.stringify({ 'Fn::GetAtt': [deadLettersId, 'Arn'] }),
        JSON.stringify({ 'Fn::GetAtt': [queueId, 'Arn'] }),
      ].sort(),
    );
    const alarms = Object.keys(resourcesOf(built.statelessTemplate, 'AWS::CloudWatch::Alarm'));
    expect(alarms.filter((id) => id.includes('WebhooksOutLag'))).toEqual([]);
  });
});
