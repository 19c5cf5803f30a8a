import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { RUNBOOK } from '../../lib/constructs/alarm';
import { projectRoot } from '../../lib/project-root';
import {
  type BuiltApp,
  buildApp,
  type CfnResource,
  questlineFunctionIds,
  resourcesOf,
  single,
} from './support/synth';

/** The `### ` headings under the README's "## Runbook". */
function runbookHeadings(): string[] {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Runbook\n');
  if (start < 0) throw new Error('the README has no "## Runbook" section');
  const next = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/^### (.+)$/gm)].map((m) => (m[1] ?? '').trim());
}

describe('alarms', () => {
  let built: BuiltApp;
  let alarms: CfnResource[];
  beforeAll(() => {
    built = buildApp();
    alarms = Object.values(resourcesOf(built.statelessTemplate, 'AWS::CloudWatch::Alarm'));
  });
  const logicalId = (element: unknown) => built.stateless.getLogicalId(element as CfnElement);

  it('watches every function of the stateless stack for errors (HTTP, stream, bus and WebSocket alike)', () => {
    const functions = questlineFunctionIds(built.statelessTemplate);
    const alarmed = alarms
      .filter((alarm) => alarm.Properties.MetricName === 'Errors')
      .flatMap((alarm) => (alarm.Properties.Dimensions as { Name: string; Value: { Ref?: string } }[]) ?? [])
      .filter((dimension) => dimension.Name === 'FunctionName')
      .map((dimension) => dimension.Value.Ref);
    expect(functions.length).toBeGreaterThan(20);
    for (const fn of functions) expect(alarmed, fn).toContain(fn);
  });

  it('all report to the one alarm topic, when they fire and when they clear', () => {
    const topic = { Ref: logicalId(built.stateless.alarmTopic.topic.node.defaultChild) };
    expect(alarms.length).toBeGreaterThan(30);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions, String(alarm.Properties.AlarmDescription)).toEqual([topic]);
      expect(alarm.Properties.OKActions, String(alarm.Properties.AlarmDescription)).toEqual([topic]);
    }
  });

  it('hold the activity route to a p95 of 200 ms, on its own detailed metrics', () => {
    const latency = single(
      alarms.filter((a) => a.Properties.MetricName === 'Latency'),
      'latency alarm',
    );
    expect(latency.Properties).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      ExtendedStatistic: 'p95',
      Threshold: 200,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    const dimensions = Object.fromEntries(
      (latency.Properties.Dimensions as { Name: string; Value: unknown }[]).map((d) => [d.Name, d.Value]),
    );
    expect(dimensions).toMatchObject({
      Method: 'POST',
      Resource: '/v1/internal/activities',
      Stage: '$default',
    });
    const stage = single(
      Object.values(resourcesOf(built.statelessTemplate, 'AWS::ApiGatewayV2::Stage')).filter(
        (s) => s.Properties.StageName === '$default',
      ),
      'HTTP stage',
    );
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({ DetailedMetricsEnabled: true });
  });

  it("watch the inbound queue's lag", () => {
    const { queue } = built.stateless.busRouting.queues.get('ActivitiesIn') ?? {};
    const lag = single(
      alarms.filter((a) => a.Properties.MetricName === 'ApproximateAgeOfOldestMessage'),
      'queue lag alarm',
    );
    expect(lag.Properties.Dimensions).toEqual([
      { Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalId(queue?.node.defaultChild), 'QueueName'] } },
    ]);
    expect(lag.Properties).toMatchObject({ Threshold: 30, EvaluationPeriods: 3, DatapointsToAlarm: 3 });
  });

  it('page on the first outcome event dropped for breaking its contract (the business metric)', () => {
    const dropped = single(
      alarms.filter((a) => a.Properties.MetricName === 'EventsDropped'),
      'events dropped alarm',
    );
    expect(dropped.Properties).toMatchObject({
      Namespace: 'Questline',
      Dimensions: [{ Name: 'service', Value: 'questline' }],
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  describe('the runbook', () => {
    it('has a section for every kind of alarm, and every alarm names its section', () => {
      const sections = Object.values(RUNBOOK);
      expect(runbookHeadings().sort()).toEqual([...sections].sort());
      const named = alarms.map((alarm) => {
        const match = /Runbook: README "([^"]+)"\.$/.exec(String(alarm.Properties.AlarmDescription));
        expect(match, String(alarm.Properties.AlarmDescription)).not.toBeNull();
        return match?.[1];
      });
      for (const name of named) expect(sections).toContain(name);
      // and no section is written for an alarm that does not exist
      for (const section of sections) expect(named, section).toContain(section);
    });
  });
});

describe('the alarm topic', () => {
  let built: BuiltApp;
  beforeAll(() => {
    built = buildApp();
  });

  it('is encrypted with a rotated key CloudWatch may use, refuses plain HTTP, and is an output', () => {
    const template = built.statelessTemplate;
    const topic = single(Object.values(resourcesOf(template, 'AWS::SNS::Topic')), 'topic');
    const key = single(Object.values(resourcesOf(template, 'AWS::KMS::Key')), 'key');
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    expect(key.Properties.EnableKeyRotation).toBe(true);
    const keyStatements = (
      key.Properties.KeyPolicy as { Statement: { Principal?: unknown; Action: unknown }[] }
    ).Statement;
    const forCloudWatch = keyStatements.filter(
      (s) => JSON.stringify(s.Principal) === JSON.stringify({ Service: 'cloudwatch.amazonaws.com' }),
    );
    expect(forCloudWatch.flatMap((s) => [s.Action].flat())).toEqual(
      expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']),
    );
    const policy = single(Object.values(resourcesOf(template, 'AWS::SNS::TopicPolicy')), 'topic policy');
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    expect(template.toJSON().Outputs.AlarmTopicArn).toBeDefined();
  });
});
