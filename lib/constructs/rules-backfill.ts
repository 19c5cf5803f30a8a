import { CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  DefinitionBody,
  JsonPath,
  LogLevel,
  Map as MapState,
  StateMachine,
  StateMachineType,
  Succeed,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { functionErrorsAlarm } from './alarm';
import { ApiFunction, type ApiFunctionDefaults } from './api-function';
import type { GameTable } from './game-table';
import { acknowledgeWildcardResource } from './nag-findings';

export interface RulesBackfillProps {
  table: GameTable;
  functionDefaults: ApiFunctionDefaults;
  /** the deployed rules' version (shared/rules/version.ts): a new one starts a backfill */
  rulesVersion: string;
}

/** Scan segments the job splits the table into; up to this many run at once. */
export const BACKFILL_SEGMENTS = 16;
const BACKFILL_CONCURRENCY = 4;

/**
 * The rules backfill on AWS: a Standard state machine that maps over the
 * table's Scan segments, each a loop of BackfillSegment invocations until
 * the segment is done, and a deploy-time trigger that starts it, named for
 * the rules version, whenever a deploy changes that version. The execution
 * name makes the start idempotent (Step Functions refuses a second execution
 * of one name), and every grant is idempotent anyway.
 */
export class RulesBackfill extends Construct {
  readonly stateMachine: StateMachine;
  readonly fn: ApiFunction;
  private readonly logRetention: RetentionDays;

  constructor(scope: Construct, id: string, props: RulesBackfillProps) {
    super(scope, id);
    this.logRetention = props.functionDefaults.logRetention;
    this.fn = new ApiFunction(this, 'BackfillSegment', {
      ...props.functionDefaults,
      entry: 'functions/backfill/backfill-segment.ts',
      description:
        "Rules backfill: grants one Scan segment's users what the deployed rules give for their past",
      timeout: Duration.minutes(15),
      memorySize: 1024,
    });
    props.table.grantFor(this.fn.fn, 'backfill');
    functionErrorsAlarm(this, 'BackfillSegmentErrors', 'BackfillSegment', this.fn.fn);

    const segment = new LambdaInvoke(this, 'BackfillSegmentTask', {
      stateName: 'Backfill a segment',
      lambdaFunction: this.fn.fn,
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
    });
    segment.addRetry({
      errors: ['States.TaskFailed'],
      maxAttempts: 3,
      interval: Duration.seconds(30),
      backoffRate: 2,
    });
    const loop = segment.next(
      new Choice(this, 'SegmentDone', { stateName: 'Segment done?' })
        .when(Condition.booleanEquals('$.done', false), segment)
        .otherwise(new Succeed(this, 'Done')),
    );
    const everySegment = new MapState(this, 'EverySegment', {
      stateName: 'Every segment',
      itemsPath: '$.segments',
      maxConcurrency: BACKFILL_CONCURRENCY,
      itemSelector: { segment: JsonPath.stringAt('$$.Map.Item.Value'), totalSegments: BACKFILL_SEGMENTS },
    }).itemProcessor(loop);

    const logs = new LogGroup(this, 'Logs', { retention: props.functionDefaults.logRetention });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      comment: 'Questline rules backfill: grants what new rules give for the past',
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(everySegment),
      timeout: Duration.hours(24),
      tracingEnabled: true,
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
    });
    this.startOnNewRules(props.rulesVersion);
    this.acknowledgeFindings();
    new CfnOutput(this, 'RulesBackfillArn', {
      key: 'RulesBackfillArn',
      value: this.stateMachine.stateMachineArn,
      description: 'The rules backfill state machine (started by a deploy that changes the rules version)',
    });
  }

  /** On create, and on every update that changes the version: one execution named for it. */
  private startOnNewRules(rulesVersion: string): void {
    const start = {
      service: 'SFN',
      action: 'startExecution',
      parameters: {
        stateMachineArn: this.stateMachine.stateMachineArn,
        name: `rules-${rulesVersion}`,
        input: JSON.stringify({ segments: Array.from({ length: BACKFILL_SEGMENTS }, (_, i) => i) }),
      },
      physicalResourceId: PhysicalResourceId.of(rulesVersion),
      // a redeploy of a version already backfilled (a rollback and back) starts nothing
      ignoreErrorCodesMatching: 'ExecutionAlreadyExists',
    };
    // Its own role and log group, as every function of the stack: no AWS managed policy.
    const logGroup = new LogGroup(this, 'StartOnNewRulesLogs', { retention: this.logRetention });
    const role = new Role(this, 'StartOnNewRulesRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    logGroup.grantWrite(role);
    new AwsCustomResource(this, 'StartOnNewRules', {
      onCreate: start,
      onUpdate: start,
      role,
      logGroup,
      policy: AwsCustomResourcePolicy.fromStatements([
        new PolicyStatement({
          actions: ['states:StartExecution'],
          resources: [this.stateMachine.stateMachineArn],
        }),
      ]),
      installLatestAwsSdk: false,
    });
  }

  private acknowledgeFindings(): void {
    const policy = this.stateMachine.role.node.tryFindChild('DefaultPolicy');
    if (policy) {
      Validations.of(policy).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Granted on "*" by Step Functions itself: X-Ray and CloudWatch Logs delivery, actions without resource-level permissions.',
      });
      acknowledgeWildcardResource(
        policy,
        `${this.fn.fn.functionArn}:*`,
        'Invoke the BackfillSegment function, any version or alias of it (how CDK grants a state machine its task); no other function.',
      );
    }
  }
}
