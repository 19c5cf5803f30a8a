import { CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import { MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { SceneAccess } from '../../shared/http/define-route';
import {
  type SceneTaskDefinition,
  type SceneTaskId,
  sceneWorkflowTasks,
} from '../../shared/scenes/scene-task-table';
import { renderSceneWorkflow } from '../../shared/scenes/scene-workflow';
import type { ScenesConfig } from '../config';
import { alarmWhen, functionErrorsAlarm } from './alarm';
import { ApiFunction, type ApiFunctionDefaults } from './api-function';
import type { GameTable } from './game-table';
import { acknowledgeWildcardResource } from './nag-findings';
import { PENDING_PREFIX, SCENES_PREFIX, type SceneImages } from './scene-images';

export interface SceneWorkflowProps {
  table: GameTable;
  images: SceneImages;
  scenes: ScenesConfig;
  functionDefaults: ApiFunctionDefaults;
}

/**
 * The SDK clients the scene tasks take from the Lambda runtime instead of
 * their bundle: S3's alone is ~350 KB minified, and a workflow step (async,
 * seconds long) can afford the runtime copy's slower load, where an HTTP
 * route cannot (api-function.ts).
 */
const RUNTIME_SDK_CLIENTS = [
  '@aws-sdk/client-s3',
  '@aws-sdk/client-bedrock-runtime',
  '@aws-sdk/client-rekognition',
];

/** Seed 000 s14's alerts for scene generation. */
export const SCENE_ALARMS = { failurePercent: 5, backlog: 100, p95Seconds: 60 } as const;

/**
 * The scene workflow on AWS: a Standard state machine from the one
 * definition (shared/scenes/scene-workflow.ts), a function per task with
 * exactly the access its step needs, logs and X-Ray, and the alarms of seed
 * 000: failure rate, backlog, generation time.
 */
export class SceneWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly functions = new Map<SceneTaskId, ApiFunction>();

  constructor(scope: Construct, id: string, props: SceneWorkflowProps) {
    super(scope, id);
    for (const task of sceneWorkflowTasks) this.functions.set(task.id, this.taskFunction(task, props));

    const logs = new LogGroup(this, 'Logs', { retention: props.functionDefaults.logRetention });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      comment: 'Questline monster scenes',
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(renderSceneWorkflow((task) => `\${${task}}`)),
      definitionSubstitutions: Object.fromEntries(
        [...this.functions].map(([task, fn]) => [task, fn.fn.functionArn]),
      ),
      timeout: Duration.minutes(15),
      tracingEnabled: true,
      // Every state's transitions, never the data: prompts and images stay out of the logs.
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
    });
    for (const fn of this.functions.values()) fn.fn.grantInvoke(this.stateMachine);
    this.acknowledgeStateMachinePolicy();
    this.alarms();

    new CfnOutput(this, 'SceneWorkflowArn', {
      key: 'SceneWorkflowArn',
      value: this.stateMachine.stateMachineArn,
      description: 'The monster scene state machine',
    });
  }

  /**
   * What a function outside the workflow may do with scenes: 'read' shows
   * them (the images' base URL); 'start' also starts executions of this
   * state machine and no other.
   */
  grantScenes(fn: ApiFunction, access: SceneAccess, images: SceneImages): void {
    fn.fn.addEnvironment('SCENES_BASE_URL', images.baseUrl);
    if (access !== 'start') return;
    fn.fn.addEnvironment('SCENE_WORKFLOW_ARN', this.stateMachine.stateMachineArn);
    this.stateMachine.grantStartExecution(fn.fn);
  }

  private taskFunction(task: SceneTaskDefinition, props: SceneWorkflowProps): ApiFunction {
    const fn = new ApiFunction(this, task.id, {
      ...props.functionDefaults,
      entry: task.entry,
      description: task.description,
      timeout: Duration.seconds(task.timeoutSeconds),
      memorySize: task.memorySize,
      externalModules: [...RUNTIME_SDK_CLIENTS, ...(task.nativeModules ? [] : ['sharp'])],
      ...(task.nativeModules ? { nativeModules: [...task.nativeModules] } : {}),
    });
    props.table.grantFor(fn.fn, task.table);
    functionErrorsAlarm(this, `${task.id}Errors`, task.id, fn.fn);
    const bucket = props.images.bucket;
    fn.fn.addEnvironment('SCENES_PROVIDER', props.scenes.provider);
    fn.fn.addEnvironment('SCENES_MODEL_ID', props.scenes.modelId);
    fn.fn.addEnvironment('SCENES_MIN_CONFIDENCE', String(props.scenes.minConfidence));
    fn.fn.addEnvironment('SCENES_DAILY_PER_USER', String(props.scenes.dailyPerUser));
    fn.fn.addEnvironment('SCENES_DAILY_BUDGET', String(props.scenes.dailyBudget));
    fn.fn.addEnvironment('SCENES_BUCKET', bucket.bucketName);
    fn.fn.addEnvironment('SCENES_BASE_URL', props.images.baseUrl);

    const objects = (prefix: string) => bucket.arnForObjects(`${prefix}*`);
    const grants: { actions: string[]; resource: string }[] = [];
    if (task.bucket.includes('read-scenes'))
      grants.push({ actions: ['s3:GetObject'], resource: objects(SCENES_PREFIX) });
    if (task.bucket.includes('write-scenes'))
      grants.push({ actions: ['s3:PutObject'], resource: objects(SCENES_PREFIX) });
    if (task.bucket.includes('read-pending'))
      grants.push({ actions: ['s3:GetObject'], resource: objects(PENDING_PREFIX) });
    if (task.bucket.includes('write-pending'))
      grants.push({ actions: ['s3:PutObject'], resource: objects(PENDING_PREFIX) });
    for (const { actions, resource } of grants) {
      fn.fn.addToRolePolicy(new PolicyStatement({ actions, resources: [resource] }));
    }
    if (task.bucket.includes('read-scenes')) {
      // Without ListBucket a missing image answers 403, not 404: the cache lookup needs to tell them apart.
      fn.fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${SCENES_PREFIX}*`] } },
        }),
      );
    }
    const bedrock = props.scenes.provider === 'bedrock';
    if (task.model && bedrock) {
      const modelArn = Stack.of(this).formatArn({
        service: 'bedrock',
        account: '',
        resource: 'foundation-model',
        resourceName: props.scenes.modelId,
      });
      fn.fn.addToRolePolicy(new PolicyStatement({ actions: ['bedrock:InvokeModel'], resources: [modelArn] }));
    }
    if (task.moderation && bedrock) {
      fn.fn.addToRolePolicy(
        new PolicyStatement({ actions: ['rekognition:DetectModerationLabels'], resources: ['*'] }),
      );
    }
    const policy = fn.role.node.tryFindChild('DefaultPolicy');
    if (policy) {
      for (const { resource } of grants) {
        acknowledgeWildcardResource(
          policy,
          resource,
          `Images are content-addressed objects made at run time, so no ARN names them ahead: the grant is ${resource.includes('pending') ? 'the pending prefix' : 'the scenes prefix'} of this one bucket, for the actions this task needs only.`,
        );
      }
    }
    return fn;
  }

  private acknowledgeStateMachinePolicy(): void {
    const policy = this.stateMachine.role.node.tryFindChild('DefaultPolicy');
    if (!policy) return;
    Validations.of(policy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Granted on "*" by Step Functions itself: X-Ray (PutTraceSegments, PutTelemetryRecords, GetSampling*) and CloudWatch Logs delivery (logs:CreateLogDelivery, ...), actions without resource-level permissions.',
    });
    for (const fn of this.functions.values()) {
      acknowledgeWildcardResource(
        policy,
        `${fn.fn.functionArn}:*`,
        'Invoke this task function, any version or alias of it (how CDK grants a state machine its Lambda tasks); no other function.',
      );
    }
  }

  private alarms(): void {
    const period = Duration.minutes(5);
    const metric = (name: string) => this.stateMachine.metric(name, { period, statistic: 'Sum' });
    const quarterHour = (name: string) =>
      this.stateMachine.metric(name, { period: Duration.minutes(15), statistic: 'Sum' });
    alarmWhen(this, 'FailureRate', {
      description: `Questline scenes: over ${SCENE_ALARMS.failurePercent}% of workflow executions failed`,
      metric: new MathExpression({
        expression: 'IF(started > 0, 100 * failed / started, 0)',
        usingMetrics: { started: metric('ExecutionsStarted'), failed: metric('ExecutionsFailed') },
        period,
      }),
      threshold: SCENE_ALARMS.failurePercent,
      periods: 3,
      datapoints: 2,
      runbook: 'sceneFailures',
    });
    alarmWhen(this, 'Backlog', {
      description: `Questline scenes: over ${SCENE_ALARMS.backlog} executions started and not finished in 15 minutes`,
      metric: new MathExpression({
        expression: 'started - succeeded - failed - aborted - timedOut',
        usingMetrics: {
          started: quarterHour('ExecutionsStarted'),
          succeeded: quarterHour('ExecutionsSucceeded'),
          failed: quarterHour('ExecutionsFailed'),
          aborted: quarterHour('ExecutionsAborted'),
          timedOut: quarterHour('ExecutionsTimedOut'),
        },
        period: Duration.minutes(15),
      }),
      threshold: SCENE_ALARMS.backlog,
      runbook: 'sceneBacklog',
    });
    alarmWhen(this, 'GenerationTime', {
      description: `Questline scenes: p95 generation time over ${SCENE_ALARMS.p95Seconds} s`,
      metric: this.stateMachine.metric('ExecutionTime', { period, statistic: 'p95' }),
      threshold: SCENE_ALARMS.p95Seconds * 1000,
      periods: 3,
      datapoints: 2,
      runbook: 'sceneDuration',
    });
  }
}
