import { Duration, Validations } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StreamConsumerDefinition } from '../../shared/streams/table-stream-consumers';
import { alarmWhen, functionErrorsAlarm } from './alarm';
import { ApiFunction, type ApiFunctionDefaults } from './api-function';
import type { GameTable } from './game-table';

export interface TableStreamConsumerProps {
  definition: StreamConsumerDefinition;
  table: GameTable;
  /** the bus a consumer that publishes events puts them on */
  bus: IEventBus;
  functionDefaults: ApiFunctionDefaults;
}

/**
 * One function on the table's stream: an event source mapping with the
 * definition's filter (Lambda drops other records before invoking, so they
 * cost nothing), retries as the definition says (from the failed record,
 * splitting the batch; or the whole batch, for consumers idempotent per
 * batch), then the
 * batch's description to an encrypted queue an operator can inspect, and
 * alarms on errors, on a batch given up, and on falling behind.
 */
export class TableStreamConsumer extends Construct {
  readonly fn: ApiFunction;
  readonly failedBatches: Queue;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: TableStreamConsumerProps) {
    super(scope, id);
    const { definition, table } = props;
    this.fn = new ApiFunction(this, 'Handler', {
      ...props.functionDefaults,
      entry: definition.entry,
      description: definition.description,
      timeout: Duration.seconds(definition.timeoutSeconds),
    });
    table.grantFor(this.fn.fn, definition.table);
    if (definition.publishesEvents) {
      props.bus.grantPutEventsTo(this.fn.fn);
      this.fn.fn.addEnvironment('EVENT_BUS_NAME', props.bus.eventBusName);
    }

    this.failedBatches = new Queue(this, 'FailedBatches', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failedBatches).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is the stream consumer's on-failure destination: it receives descriptions of batches given up (shard, sequence range) for an operator to inspect and replay. It is the end of the line, so it has no queue of its own behind it.",
    });

    this.fn.fn.addEventSource(
      new DynamoEventSource(table.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: definition.batchSize,
        maxBatchingWindow: Duration.seconds(definition.batchWindowSeconds),
        bisectBatchOnError: definition.retry !== 'whole-batch',
        reportBatchItemFailures: definition.retry === 'from-failed-record',
        retryAttempts: 10,
        // Well inside the stream's 24 hours: a batch given up is reported while
        // its records can still be read again from the shard.
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(this.failedBatches),
        filters: definition.filters.map((filter) =>
          FilterCriteria.filter({
            eventName: FilterRule.or(...filter.events),
            dynamodb: {
              Keys: {
                sk: {
                  S: [...filter.sortKeys, ...filter.sortKeyPrefixes.flatMap((p) => FilterRule.beginsWith(p))],
                },
              },
              // an attribute's value is typed ({"N": "2"}): "exists" applies to its typed leaf
              ...(filter.newImageHas && {
                NewImage: Object.fromEntries(
                  Object.entries(filter.newImageHas).map(([name, type]) => [
                    name,
                    { [type]: FilterRule.exists() },
                  ]),
                ),
              }),
            },
          }),
        ),
      }),
    );

    const period = Duration.minutes(5);
    const named = (what: string) => `Questline ${definition.id}: ${what}`;
    this.alarms.push(
      functionErrorsAlarm(this, 'Errors', definition.id, this.fn.fn),
      alarmWhen(this, 'BatchesGivenUp', {
        description: named('a stream batch was given up after its retries'),
        metric: this.failedBatches.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
        runbook: 'streamBatchesGivenUp',
      }),
      alarmWhen(this, 'FallingBehind', {
        description: named('the oldest record handled was over a minute old'),
        metric: this.fn.fn.metric('IteratorAge', { period, statistic: 'Maximum' }),
        threshold: 60_000,
        runbook: 'streamFallingBehind',
      }),
    );
  }
}
