import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { AttributeType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgeWildcardResource } from '../../lib/constructs/nag-findings';
import { readReport } from './support/nag-report';
import { type BuildOptions, type BuiltApp, buildApp, defineApp } from './support/synth';

/**
 * The CDK CLI hands the app a concrete account and region (the operator's
 * profile), and a template then names them literally where an
 * environment-agnostic one has pseudo parameters: a finding acknowledged by
 * one spelling stays a finding in the other. So every check runs both ways,
 * in more than one region and partition.
 */
const environments: { name: string; env: BuildOptions['env'] }[] = [
  { name: 'environment-agnostic', env: undefined },
  { name: 'us-east-1', env: { account: '123456789012', region: 'us-east-1' } },
  { name: 'eu-central-1', env: { account: '210987654321', region: 'eu-central-1' } },
  { name: 'cn-north-1 (aws-cn partition)', env: { account: '111122223333', region: 'cn-north-1' } },
];

describe.each(environments)('cdk-nag AwsSolutions, $name', ({ env }) => {
  let built: BuiltApp;
  beforeAll(() => {
    // synth throws on any unacknowledged finding, so getting here is the first half of the check
    // configured as an operator should: the default's own warning (no internal callers listed) is tested on its own
    built = buildApp({
      env,
      questline: { internalCallers: ['arn:aws:iam::123456789012:role/studyapp-backend'] },
    });
  });

  it('reports no unacknowledged finding', () => {
    const violations = readReport(built.outdir).pluginReports.flatMap((r) => r.violations);
    expect(violations).toEqual([]);
  });

  it('gives every acknowledgement a real reason', () => {
    const acknowledgements = built.app.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledgements) {
      expect(id).toMatch(/AwsSolutions-[A-Z]+\d+/);
      expect(reason.trim().length, `reason for ${id}`).toBeGreaterThan(40);
    }
  });
});

describe('cdk-nag with a finding nobody acknowledged', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'questline-nag-'));
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('fails synth and names the rule', () => {
    const { app, stateful } = defineApp({ outdir });
    // a table without point-in-time recovery breaks AwsSolutions-DDB3
    new Table(stateful, 'Unprotected', { partitionKey: { name: 'pk', type: AttributeType.STRING } });
    expect(() => app.synth()).toThrow(/AwsSolutions-DDB3/);
    const rules = readReport(outdir).pluginReports.flatMap((r) => r.violations.map((v) => v.ruleName));
    expect(rules).toContain('AwsSolutions-DDB3');
  });
});

describe('acknowledging a wildcard resource in a concrete environment', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'questline-nag-env-'));
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  /** The concrete app with one more policy granting ManageConnections on every connection of a stage. */
  function appWithWildcardPolicy() {
    const built = defineApp({ outdir, env: { account: '123456789012', region: 'eu-west-1' } });
    const arn = `${built.stateless.formatArn({ service: 'execute-api', resource: 'abc123' })}/live/POST/@connections/*`;
    const policy = new Policy(built.stateless, 'ProbePolicy', {
      statements: [new PolicyStatement({ actions: ['execute-api:ManageConnections'], resources: [arn] })],
      roles: [
        new Role(built.stateless, 'Probe', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') }),
      ],
    });
    return { ...built, arn, policy };
  }
  const reason = 'a probe policy of this test: connection ids are not known ahead, so no ARN names them';

  it('misses when spelled with pseudo parameters, as an environment-agnostic template has them', () => {
    const { app, policy } = appWithWildcardPolicy();
    Validations.of(policy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:abc123/live/POST/@connections/*]',
      reason,
    });
    expect(() => app.synth()).toThrow(
      /AwsSolutions-IAM5\[Resource::arn:aws:execute-api:eu-west-1:123456789012:abc123\/live\/POST\/@connections\/\*\]/,
    );
  });

  it('holds when derived from the resolved ARN (acknowledgeWildcardResource)', () => {
    const { app, policy, arn } = appWithWildcardPolicy();
    acknowledgeWildcardResource(policy, arn, reason);
    expect(() => app.synth()).not.toThrow();
  });
});
