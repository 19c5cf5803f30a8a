import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../shared/adapters/dynamo/table-definition';
import { type BuiltApp, buildApp, resourcesOf, single } from './support/synth';

describe('stateful stack', () => {
  let built: BuiltApp;
  beforeAll(() => {
    built = buildApp();
  });

  const table = () =>
    single(Object.values(resourcesOf(built.statefulTemplate, 'AWS::DynamoDB::Table')), 'table');

  it('keys the table as the shared definition says', () => {
    expect(table().Properties.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
  });

  it('has the ledger index from the shared definition: a local index on ledger_sk projecting only the entry fields', () => {
    const [index] = tableDefinition.localSecondaryIndexes;
    expect(table().Properties.LocalSecondaryIndexes).toEqual([
      {
        IndexName: 'ledger',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'ledger_sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...(index?.projectedAttributes ?? [])] },
      },
    ]);
    expect(index?.projectedAttributes).not.toContain('outcome');
    expect(index?.projectedAttributes).not.toContain('events');
    expect(table().Properties.AttributeDefinitions).toContainEqual({
      AttributeName: 'ledger_sk',
      AttributeType: 'S',
    });
  });

  it('bills on demand', () => {
    expect(table().Properties.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('turns point-in-time recovery on', () => {
    expect(table().Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  it('streams new images for the outbox', () => {
    expect(table().Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
  });

  it('expires items by the shared TTL attribute', () => {
    expect(table().Properties.TimeToLiveSpecification).toEqual({
      AttributeName: tableDefinition.timeToLiveAttribute,
      Enabled: true,
    });
  });

  it('encrypts with the AWS managed key', () => {
    const sse = table().Properties.SSESpecification as Record<string, unknown>;
    expect(sse.SSEEnabled).toBe(true);
    // a customer key would appear here; the AWS managed one needs no grants
    expect(sse.KMSMasterKeyId).toBeUndefined();
  });

  it('protects the table from deletion and keeps it when the stack goes', () => {
    expect(table().Properties.DeletionProtectionEnabled).toBe(true);
    expect(table().DeletionPolicy).toBe('Retain');
    expect(table().UpdateReplacePolicy).toBe('Retain');
  });

  it('creates the custom event bus named questline', () => {
    built.statefulTemplate.hasResourceProperties('AWS::Events::EventBus', { Name: 'questline' });
  });

  it('archives every event of the bus for 90 days by default, for replay', () => {
    const archive = single(
      Object.values(resourcesOf(built.statefulTemplate, 'AWS::Events::Archive')),
      'event archive',
    );
    const busId = built.stateful.getLogicalId(built.stateful.eventBus.bus.node.defaultChild as CfnElement);
    expect(archive.Properties.SourceArn).toEqual({ 'Fn::GetAtt': [busId, 'Arn'] });
    expect(archive.Properties.RetentionDays).toBe(90);
    // an archive needs a pattern; the bus's own account matches every event on it
    expect(archive.Properties.EventPattern).toEqual({ account: [{ Ref: 'AWS::AccountId' }] });
  });

  it('creates a Cognito user pool with a strong password policy when no issuer is configured', () => {
    built.statefulTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: Match.anyValue(),
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      DeletionProtection: 'ACTIVE',
    });
    const pool = single(
      Object.values(resourcesOf(built.statefulTemplate, 'AWS::Cognito::UserPool')),
      'user pool',
    );
    const policy = (pool.Properties.Policies as { PasswordPolicy: { MinimumLength: number } }).PasswordPolicy;
    expect(policy.MinimumLength).toBeGreaterThanOrEqual(12);
    expect(pool.DeletionPolicy).toBe('Retain');
  });

  it('makes a public app client (no secret) for browsers and apps', () => {
    built.statefulTemplate.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
    });
  });

  it('outputs the table, the bus and the user pool ids', () => {
    const outputs = Object.keys(built.statefulTemplate.toJSON().Outputs ?? {});
    expect(outputs).toEqual(
      expect.arrayContaining(['TableName', 'EventBusName', 'UserPoolId', 'UserPoolClientId']),
    );
  });
});

describe('stateful stack with deletion protection turned off', () => {
  it('turns deletion protection off on the table and the pool, still retaining the table with the stack', () => {
    const built = buildApp({ questline: { deletionProtection: false } });
    const table = single(Object.values(resourcesOf(built.statefulTemplate, 'AWS::DynamoDB::Table')), 'table');
    expect(table.Properties.DeletionProtectionEnabled).toBe(false);
    expect(table.DeletionPolicy).toBe('Retain');
    built.statefulTemplate.hasResourceProperties('AWS::Cognito::UserPool', {
      DeletionProtection: 'INACTIVE',
    });
  });
});

describe('event archive retention', () => {
  const archiveOf = (eventArchiveDays: number) =>
    single(
      Object.values(
        resourcesOf(buildApp({ questline: { eventArchiveDays } }).statefulTemplate, 'AWS::Events::Archive'),
      ),
      'event archive',
    );

  it('keeps events for the configured number of days', () => {
    expect(archiveOf(30).Properties.RetentionDays).toBe(30);
  });

  it('keeps events forever when eventArchiveDays is 0 (CloudFormation reads RetentionDays 0 as indefinitely)', () => {
    expect(archiveOf(0).Properties.RetentionDays ?? 0).toBe(0);
  });
});
