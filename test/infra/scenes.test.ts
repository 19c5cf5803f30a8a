import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { sceneWorkflowTasks } from '../../shared/scenes/scene-task-table';
import { asList, type Statement, statementsOfRole } from './support/iam';
import { type BuiltApp, buildApp, type CfnResource, resourcesOf, single } from './support/synth';

/** How the definition names a task until CDK substitutes its function's ARN. */
const PLACEHOLDER = ['$', '{DrawScene}'].join('');

describe('monster scenes on AWS', () => {
  let built: BuiltApp;
  beforeAll(() => {
    built = buildApp();
  });
  const logicalId = (element: unknown, stack: { getLogicalId(e: CfnElement): string } = built.stateless) =>
    stack.getLogicalId(element as CfnElement);
  const statementsOf = (task: string): Statement[] => {
    const fn = built.stateless.sceneWorkflow.functions.get(task as never);
    return statementsOfRole(built.statelessTemplate, logicalId(fn?.role.node.defaultChild));
  };
  const actionsOf = (task: string) => statementsOf(task).flatMap((s) => asList(s.Action));

  describe('the state machine', () => {
    let machine: CfnResource;
    beforeAll(() => {
      const sceneMachine = built.stateless.sceneWorkflow.stateMachine.node.defaultChild as CfnElement;
      machine = resourcesOf(built.statelessTemplate, 'AWS::StepFunctions::StateMachine')[
        built.stateless.getLogicalId(sceneMachine)
      ] as CfnResource;
    });

    it('is Standard, traced, and logs every transition without the data', () => {
      expect(machine.Properties).toMatchObject({
        StateMachineType: 'STANDARD',
        TracingConfiguration: { Enabled: true },
        LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
      });
    });

    it("runs the one definition, each task substituted by its function's ARN", () => {
      const substitutions = machine.Properties.DefinitionSubstitutions as Record<string, unknown>;
      for (const task of sceneWorkflowTasks) {
        const fn = built.stateless.sceneWorkflow.functions.get(task.id)?.fn;
        expect(substitutions[task.id], task.id).toEqual({
          'Fn::GetAtt': [logicalId(fn?.node.defaultChild), 'Arn'],
        });
      }
      expect(JSON.stringify(machine.Properties.DefinitionString)).toContain(PLACEHOLDER);
    });
  });

  describe('least privilege', () => {
    it('lets only the drawing task call the model, and only the configured model', () => {
      for (const task of sceneWorkflowTasks) {
        expect(actionsOf(task.id).includes('bedrock:InvokeModel'), task.id).toBe(task.id === 'DrawScene');
      }
      const invoke = statementsOf('DrawScene').find((s) => asList(s.Action).includes('bedrock:InvokeModel'));
      expect(JSON.stringify(invoke?.Resource)).toContain(
        ':foundation-model/stability.stable-image-core-v1:1',
      );
    });

    it('lets only moderation call Rekognition, and nothing else of it', () => {
      for (const task of sceneWorkflowTasks) {
        const rekognition = actionsOf(task.id).filter((a) => a.startsWith('rekognition:'));
        expect(rekognition, task.id).toEqual(
          task.id === 'ModerateScene' ? ['rekognition:DetectModerationLabels'] : [],
        );
      }
    });

    it('scopes bucket access to a prefix and an action per task: no s3:* and no whole-bucket writes', () => {
      const s3 = (task: string) =>
        statementsOf(task)
          .filter((s) => asList(s.Action).some((a) => a.startsWith('s3:')))
          .map((s) => [asList(s.Action).join(','), JSON.stringify(s.Resource)]);
      for (const task of sceneWorkflowTasks) {
        for (const [actions, resource] of s3(task.id)) {
          expect(actions, task.id).not.toContain('s3:*');
          if (actions !== 's3:ListBucket')
            expect(resource, `${task.id} ${actions}`).toMatch(/\/(scenes|pending)\/\*/);
        }
      }
      expect(s3('StoreScene').map(([a, r]) => [a, r?.includes('/scenes/') ? 'scenes' : 'pending'])).toEqual(
        expect.arrayContaining([
          ['s3:PutObject', 'scenes'],
          ['s3:GetObject', 'pending'],
        ]),
      );
      expect(s3('PrepareScene').map(([a]) => a)).toEqual(
        expect.arrayContaining(['s3:GetObject', 's3:ListBucket']),
      );
      expect(s3('RecordScene')).toEqual([]);
    });

    it('with the procedural provider, grants neither Bedrock nor Rekognition', () => {
      const procedural = buildApp({ questline: { scenes: { provider: 'procedural' } } });
      const actions = [...procedural.stateless.sceneWorkflow.functions.values()].flatMap((fn) =>
        statementsOfRole(
          procedural.statelessTemplate,
          procedural.stateless.getLogicalId(fn.role.node.defaultChild as CfnElement),
        ).flatMap((s) => asList(s.Action)),
      );
      expect(actions.filter((a) => a.startsWith('bedrock:') || a.startsWith('rekognition:'))).toEqual([]);
    });
  });

  describe('the images', () => {
    it('live in a private, encrypted, TLS-only, logged bucket whose pending images expire, kept with the stack', () => {
      const bucketId = logicalId(built.stateful.sceneImages.bucket.node.defaultChild, built.stateful);
      const bucket = resourcesOf(built.statefulTemplate, 'AWS::S3::Bucket')[bucketId];
      expect(bucket?.DeletionPolicy).toBe('Retain');
      expect(bucket?.Properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        LifecycleConfiguration: { Rules: [{ Prefix: 'pending/', ExpirationInDays: 1, Status: 'Enabled' }] },
      });
      expect(bucket?.Properties.LoggingConfiguration).toBeDefined();
      const policy = Object.values(resourcesOf(built.statefulTemplate, 'AWS::S3::BucketPolicy')).find(
        (p) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: bucketId }),
      );
      if (!policy) throw new Error('the scenes bucket has no policy');
      const statements = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
      expect(JSON.stringify(statements)).toContain('"aws:SecureTransport":"false"');
      const forCdn = statements.find((s) => JSON.stringify(s.Principal).includes('cloudfront.amazonaws.com'));
      expect(asList(forCdn?.Action ?? [])).toEqual(['s3:GetObject']);
      expect(JSON.stringify(forCdn?.Condition)).toContain('AWS:SourceArn');
    });

    it('are served by CloudFront through Origin Access Control, HTTPS only, logged', () => {
      expect(
        Object.keys(resourcesOf(built.statefulTemplate, 'AWS::CloudFront::OriginAccessControl')),
      ).toHaveLength(1);
      const cdn = single(
        Object.values(resourcesOf(built.statefulTemplate, 'AWS::CloudFront::Distribution')),
        'distribution',
      );
      const config = cdn.Properties.DistributionConfig as Record<string, unknown>;
      expect(config).toMatchObject({
        DefaultCacheBehavior: { ViewerProtocolPolicy: 'https-only', AllowedMethods: ['GET', 'HEAD'] },
      });
      expect(config.Logging).toBeDefined();
      const [origin] = config.Origins as Record<string, unknown>[];
      expect(origin?.OriginAccessControlId).toBeDefined();
      expect(built.statefulTemplate.toJSON().Outputs.SceneImagesUrl).toBeDefined();
    });
  });

  it('alarms on the failure rate, the backlog and the generation time (seed 000 s14)', () => {
    const alarms = Object.values(resourcesOf(built.statelessTemplate, 'AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties,
    );
    const byRunbook = (section: string) =>
      alarms.filter((a) => String(a.AlarmDescription).includes(`Runbook: README "${section}"`));
    expect(byRunbook('Scene failure rate')).toEqual([expect.objectContaining({ Threshold: 5 })]);
    expect(byRunbook('Scene backlog')).toEqual([expect.objectContaining({ Threshold: 100 })]);
    expect(byRunbook('Scene generation time')).toEqual([
      expect.objectContaining({ Threshold: 60_000, ExtendedStatistic: 'p95', MetricName: 'ExecutionTime' }),
    ]);
  });
});
