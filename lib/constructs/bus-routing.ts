import { Duration, Validations } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { type EventPattern, type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction, SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { BusRoute, ValueMatcher } from '../../shared/bus/bus-routes';
import { alarmWhen, functionErrorsAlarm } from './alarm';
import { ApiFunction, type ApiFunctionDefaults } from './api-function';
import type { GameTable } from './game-table';

export interface BusRoutingProps {
  bus: IEventBus;
  routes: readonly BusRoute[];
  table: GameTable;
  functionDefaults: ApiFunctionDefaults;
  /** most concurrent invocations a queue's consumer may use (the event source's maxConcurrency) */
  inboundMaxConcurrency: number;
}

const ENCRYPTED = { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true } as const;
/** Age of the oldest queued inbound event at which the lag alarm fires. */
export const INBOUND_LAG_ALARM_SECONDS = 30;
/** The functions' default timeout (api-function.ts); SQS hides a message six times as long while a batch is handled. */
const DEFAULT_TIMEOUT_SECONDS = 10;

/**
 * The bus's rules, read from the shared routing table (the local bus routes
 * by the same table). A `queue` route goes through an encrypted queue with a
 * dead-letter queue (an operator redrives it from the console or with
 * StartMessageMoveTask) to a batch consumer that reports partial failures; a
 * `function` route invokes its function asynchronously, with a queue for the
 * events it could not deliver or the function failed on after its retries.
 * Alarms on every dead-letter queue.
 */
export class BusRouting extends Construct {
  readonly functions = new Map<string, ApiFunction>();
  readonly queues = new Map<string, { queue: Queue; deadLetters: Queue }>();
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: BusRoutingProps) {
    super(scope, id);
    for (const route of props.routes) {
      const timeoutSeconds =
        (route.target.kind === 'queue' && route.target.timeoutSeconds) || DEFAULT_TIMEOUT_SECONDS;
      const fn = new ApiFunction(this, route.id, {
        ...props.functionDefaults,
        entry: route.target.entry,
        description: route.description,
        timeout: Duration.seconds(timeoutSeconds),
      });
      props.table.grantFor(fn.fn, route.table);
      this.functions.set(route.id, fn);
      const rule = new Rule(this, `${route.id}Rule`, {
        eventBus: props.bus,
        description: route.description,
        eventPattern: eventPattern(route),
      });
      const deadLetters = new Queue(this, `${route.id}DeadLetters`, {
        ...ENCRYPTED,
        retentionPeriod: Duration.days(14),
      });
      Validations.of(deadLetters).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason:
          'This is the dead-letter queue: messages that failed their retries wait here for an operator to inspect and redrive.',
      });
      if (route.target.kind === 'queue') {
        const queue = new Queue(this, `${route.id}Queue`, {
          ...ENCRYPTED,
          visibilityTimeout: Duration.seconds(6 * timeoutSeconds),
          deadLetterQueue: { queue: deadLetters, maxReceiveCount: route.target.maxReceiveCount },
        });
        // what the rule cannot deliver to the queue (a policy or quota problem) is parked too
        rule.addTarget(new SqsQueue(queue, { deadLetterQueue: deadLetters }));
        fn.fn.addEventSource(
          new SqsEventSource(queue, {
            batchSize: 10,
            maxBatchingWindow: Duration.seconds(1),
            reportBatchItemFailures: true,
            // A burst of inbound events waits in the queue instead of taking
            // the concurrency the HTTP and stream functions need.
            maxConcurrency: props.inboundMaxConcurrency,
          }),
        );
        this.queues.set(route.id, { queue, deadLetters });
        if (route.target.schedulesOwnMessages) {
          fn.fn.addEnvironment('WEBHOOK_QUEUE_URL', queue.queueUrl);
          fn.fn.addEnvironment('WEBHOOK_DLQ_URL', deadLetters.queueUrl);
          queue.grantSendMessages(fn.fn);
          deadLetters.grantSendMessages(fn.fn);
        } else {
          // Seed 002 wants inbound lag under a second; a queue still holding a
          // 30-second-old message for three minutes running is an outage, not a burst.
          // (A queue of delayed retries holds old messages on purpose: no such alarm.)
          this.alarms.push(
            alarmWhen(this, `${route.id}LagAlarm`, {
              description: `Questline ${route.id}: the oldest queued event waited ${INBOUND_LAG_ALARM_SECONDS} s or more, three minutes running`,
              metric: queue.metricApproximateAgeOfOldestMessage({
                period: Duration.minutes(1),
                statistic: 'Maximum',
              }),
              threshold: INBOUND_LAG_ALARM_SECONDS,
              periods: 3,
              runbook: 'inboundLag',
            }),
          );
        }
      } else {
        // Two failure paths, one queue: EventBridge parks what it cannot invoke the function
        // with; Lambda's async invocation parks an event whose function threw on every try.
        rule.addTarget(new LambdaFunction(fn.fn, { deadLetterQueue: deadLetters, retryAttempts: 2 }));
        fn.fn.configureAsyncInvoke({
          onFailure: new SqsDestination(deadLetters),
          retryAttempts: 2,
          maxEventAge: Duration.hours(6),
        });
        this.queues.set(route.id, { queue: deadLetters, deadLetters });
      }
      this.alarms.push(
        alarmWhen(this, `${route.id}DeadLettersAlarm`, {
          description: `Questline ${route.id}: events in the dead-letter queue`,
          metric: deadLetters.metricApproximateNumberOfMessagesVisible({
            period: Duration.minutes(5),
            statistic: 'Maximum',
          }),
          runbook: 'deadLetters',
        }),
        functionErrorsAlarm(this, `${route.id}Errors`, route.id, fn.fn),
      );
    }
  }
}

function matcher(value: ValueMatcher): string[] | { 'anything-but': string[] }[] {
  return 'anythingBut' in value ? [{ 'anything-but': [...value.anythingBut] }] : [...value];
}

/** The route's pattern in EventBridge's own syntax (typed by CDK as string lists, hence the cast). */
function eventPattern(route: BusRoute): EventPattern {
  return {
    source: matcher(route.pattern.source) as string[],
    detailType: matcher(route.pattern.detailType) as string[],
  };
}
