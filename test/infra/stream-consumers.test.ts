import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableActions } from '../../lib/constructs/game-table';
import { tableStreamConsumers } from '../../shared/streams/table-stream-consumers';
import { asList, type Statement, statementsOfRole, tableGrantResources } from './support/iam';
import { type BuiltApp, buildApp, type CfnResource, resourcesOf } from './support/synth';

describe('table stream consumers', () => {
  let built: BuiltApp;
  beforeAll(() => {
    built = buildApp();
  });

  const logicalId = (element: unknown) => built.stateless.getLogicalId(element as CfnElement);

  it('splits the failing batches of every consumer but CountUnlocks (idempotent per batch: its token is the batch)', () => {
    const bisecting = Object.values(resourcesOf(built.statelessTemplate, 'AWS::Lambda::EventSourceMapping'))
      .filter((m) => m.Properties.BisectBatchOnFunctionError === true)
      .map((m) => JSON.stringify(m.Properties.FunctionName));
    const idOf = (id: string) =>
      JSON.stringify({ Ref: logicalId(built.stateless.streamConsumers.get(id)?.fn.fn.node.defaultChild) });
    expect(bisecting.sort()).toEqual([idOf('ProjectLeaderboards'), idOf('PublishOutbox')].sort());
  });

  it('invokes CountUnlocks for new and deleted profiles and for new event items that carry unlocks only', () => {
    const fnId = logicalId(built.stateless.streamConsumers.get('CountUnlocks')?.fn.fn.node.defaultChild);
    const mapping = Object.values(
      resourcesOf(built.statelessTemplate, 'AWS::Lambda::EventSourceMapping'),
    ).find((m) => JSON.stringify(m.Properties.FunctionName) === JSON.stringify({ Ref: fnId }));
    if (!mapping) throw new Error('CountUnlocks has no event source mapping');
    const patterns = (mapping.Properties.FilterCriteria as { Filters: { Pattern: string }[] }).Filters.map(
      (f) => JSON.parse(f.Pattern),
    );
    expect(patterns).toEqual([
      { eventName: ['INSERT', 'REMOVE'], dynamodb: { Keys: { sk: { S: ['PROFILE'] } } } },
      {
        eventName: ['INSERT'],
        dynamodb: {
          Keys: { sk: { S: [{ prefix: 'EVENT#' }] } },
          NewImage: { unlocks: { N: [{ exists: true }] } },
        },
      },
    ]);
  });

  describe.each(tableStreamConsumers.map((c) => [c.id, c] as const))('%s', (id, definition) => {
    const consumer = () => {
      const found = built.stateless.streamConsumers.get(id);
      if (!found) throw new Error(`no stream consumer ${id}`);
      return found;
    };
    const mapping = (): CfnResource => {
      const fnId = logicalId(consumer().fn.fn.node.defaultChild);
      const mappings = Object.values(resourcesOf(built.statelessTemplate, 'AWS::Lambda::EventSourceMapping'));
      const mine = mappings.filter(
        (m) => JSON.stringify(m.Properties.FunctionName) === JSON.stringify({ Ref: fnId }),
      );
      expect(mine).toHaveLength(1);
      return mine[0] as CfnResource;
    };
    const statements = (): Statement[] =>
      statementsOfRole(built.statelessTemplate, logicalId(consumer().fn.role.node.defaultChild));

    it("reads the table's stream from the start, in batches, retrying as its definition says", () => {
      const fromFailed = definition.retry === 'from-failed-record';
      expect(mapping().Properties).toMatchObject({
        EventSourceArn: built.stateless.resolve(built.stateful.table.table.tableStreamArn),
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: definition.batchSize,
        // only a consumer idempotent per batch (and not per record) keeps its batches whole
        BisectBatchOnFunctionError: definition.retry !== 'whole-batch',
        MaximumRetryAttempts: 10,
        // a quarter of the stream's retention: a given-up batch's records are still there to replay
        MaximumRecordAgeInSeconds: 6 * 3600,
      });
      expect(mapping().Properties.FunctionResponseTypes).toEqual(
        fromFailed ? ['ReportBatchItemFailures'] : undefined,
      );
      expect(mapping().Properties.MaximumBatchingWindowInSeconds ?? 0).toBe(definition.batchWindowSeconds);
    });

    it("has a timeout that fits a full batch, not the HTTP functions' 10 s", () => {
      const fnId = logicalId(consumer().fn.fn.node.defaultChild);
      const timeout = resourcesOf(built.statelessTemplate, 'AWS::Lambda::Function')[fnId]?.Properties.Timeout;
      expect(timeout).toBe(definition.timeoutSeconds);
      expect(timeout).toBeGreaterThanOrEqual(60);
    });

    it('is invoked only for the records its filter names (the filter the local runtime applies)', () => {
      const criteria = mapping().Properties.FilterCriteria as { Filters: { Pattern: string }[] };
      const patterns = criteria.Filters.map((f) => JSON.parse(f.Pattern));
      expect(patterns).toEqual(
        definition.filters.map((filter) => ({
          eventName: [...filter.events],
          dynamodb: {
            Keys: {
              sk: { S: [...filter.sortKeys, ...filter.sortKeyPrefixes.map((p) => ({ prefix: p }))] },
            },
            ...(filter.newImageHas && {
              NewImage: Object.fromEntries(
                Object.entries(filter.newImageHas).map(([name, type]) => [
                  name,
                  { [type]: [{ exists: true }] },
                ]),
              ),
            }),
          },
        })),
      );
    });

    it('sends a batch it gave up on to its own encrypted queue, and alarms on it', () => {
      const queueId = logicalId(consumer().failedBatches.node.defaultChild);
      expect(mapping().Properties.DestinationConfig).toEqual({
        OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } },
      });
      const queue = resourcesOf(built.statelessTemplate, 'AWS::SQS::Queue')[queueId];
      expect(queue?.Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 1_209_600,
      });
      const alarms = Object.values(resourcesOf(built.statelessTemplate, 'AWS::CloudWatch::Alarm')).filter(
        (a) => String(a.Properties.AlarmDescription).startsWith(`Questline ${id}:`),
      );
      expect(alarms.map((a) => a.Properties.MetricName).sort()).toEqual([
        'ApproximateNumberOfMessagesVisible',
        'Errors',
        'IteratorAge',
      ]);
    });

    it('may read the stream, and do with the table and the bus only what its definition says', () => {
      const data = statements().filter((s) => asList(s.Action).some((a) => a.startsWith('dynamodb:')));
      const streamRead = data.filter((s) => asList(s.Action).includes('dynamodb:GetRecords'));
      expect(streamRead).toHaveLength(1);
      expect(asList(streamRead[0]?.Resource)).toEqual([
        built.stateless.resolve(built.stateful.table.table.tableStreamArn),
      ]);
      // ListStreams takes no resource: CDK grants it on "*" (with X-Ray's actions, which take none either)
      const listStreams = data.filter((s) => asList(s.Action).includes('dynamodb:ListStreams'));
      expect(listStreams.flatMap((s) => asList(s.Action)).filter((a) => a.startsWith('dynamodb:'))).toEqual([
        'dynamodb:ListStreams',
      ]);
      const tableGrants = data.filter(
        (s) => !asList(s.Action).includes('dynamodb:GetRecords') && !listStreams.includes(s),
      );
      if (definition.table === 'write-stats') {
        expect(tableGrants.map((s) => asList(s.Action))).toEqual([['dynamodb:UpdateItem']]);
        expect(tableGrants[0]?.Condition).toEqual({
          'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['STATS#ACHIEVEMENTS'] },
        });
      } else if (definition.table === 'read-write') {
        expect(tableGrants.map((s) => [...asList(s.Action)].sort())).toEqual([
          [...tableActions['read-write']].sort(),
        ]);
        expect(asList(tableGrants[0]?.Resource)).toEqual(
          tableGrantResources(built.stateless, built.stateful.table.table.tableArn),
        );
      } else {
        expect(definition.table).toBe('none');
        expect(tableGrants).toEqual([]);
      }
      const puts = statements().filter((s) => asList(s.Action).includes('events:PutEvents'));
      if (definition.publishesEvents) {
        expect(puts.map((s) => asList(s.Resource))).toEqual([
          [built.stateless.resolve(built.stateful.eventBus.bus.eventBusArn)],
        ]);
      } else {
        expect(puts).toEqual([]);
      }
    });
  });
});
