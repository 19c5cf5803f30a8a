import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../shared/http/routes';
import { asList, type Statement, statementsOfRole, tableGrantResources } from './support/iam';
import {
  type BuiltApp,
  buildApp,
  type CfnResource,
  resourceById,
  resourcesOf,
  routeFunction,
} from './support/synth';

/**
 * Written out here, not imported from lib/, so a change to the grants has to
 * be made twice: once on purpose, once in this expectation.
 */
const expectedActions = {
  none: [],
  'read-stats': ['dynamodb:Query'],
  'write-stats': ['dynamodb:UpdateItem'],
  read: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'],
  'read-write': [
    'dynamodb:BatchGetItem',
    'dynamodb:ConditionCheckItem',
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:Query',
    'dynamodb:UpdateItem',
  ],
  backfill: [
    'dynamodb:BatchGetItem',
    'dynamodb:ConditionCheckItem',
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:Query',
    'dynamodb:Scan',
    'dynamodb:UpdateItem',
  ],
} as const;

/** X-Ray's write actions support no resource-level permissions; nothing else may use "*". */
const XRAY_ACTIONS = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'];

describe('function permissions', () => {
  let built: BuiltApp;
  let _policies: CfnResource[];
  beforeAll(() => {
    built = buildApp();
    _policies = Object.values(resourcesOf(built.statelessTemplate, 'AWS::IAM::Policy'));
  });

  /** Every statement of every policy attached to the role of the route's function. */
  function statementsOf(routeId: string): Statement[] {
    return statementsOfRole(built.statelessTemplate, routeFunction(built, routeId).roleId);
  }

  /** How the stateless stack refers to the table (cross-stack references). */
  const tableArn = () => built.stateless.resolve(built.stateful.table.table.tableArn);
  /** Written out, like the actions: the ledger index, which history queries. */
  const tableName = () => built.stateless.resolve(built.stateful.table.table.tableName);

  describe.each(routes.map((r) => [r.id, r] as const))('%s', (routeId, route) => {
    it(`allows exactly the DynamoDB actions of '${route.table}' access`, () => {
      const actions = statementsOf(routeId)
        .flatMap((s) => asList(s.Action))
        .filter((a) => a.startsWith('dynamodb:'))
        .sort();
      expect(actions).toEqual([...expectedActions[route.table]]);
    });

    it('grants DynamoDB actions on the table and its indexes only, each by its own ARN', () => {
      const dataStatements = statementsOf(routeId).filter((s) =>
        asList(s.Action).some((a) => a.startsWith('dynamodb:')),
      );
      const statsOnly = route.table === 'read-stats' || route.table === 'write-stats';
      for (const statement of dataStatements) {
        expect(statement.Effect).toBe('Allow');
        if (statsOnly) {
          // the statistics partition only, never a user's items
          expect(asList(statement.Resource)).toEqual([tableArn()]);
          expect(statement.Condition).toEqual({
            'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['STATS#ACHIEVEMENTS'] },
          });
        } else {
          expect(asList(statement.Resource)).toEqual(
            tableGrantResources(built.stateless, built.stateful.table.table.tableArn),
          );
          expect(statement.Condition).toBeUndefined();
        }
      }
    });

    it('has no wildcard action and no "*" resource beyond X-Ray tracing', () => {
      for (const statement of statementsOf(routeId)) {
        for (const action of asList(statement.Action)) expect(action).not.toMatch(/\*/);
        if (asList(statement.Resource).includes('*')) {
          expect([...asList(statement.Action)].sort()).toEqual(XRAY_ACTIONS);
        }
      }
    });

    it(route.table === 'none' ? 'gets no TABLE_NAME' : 'gets TABLE_NAME set to the table', () => {
      const { functionId } = routeFunction(built, routeId);
      const resource = resourceById(built.statelessTemplate, 'AWS::Lambda::Function', functionId);
      const variables = (resource.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      if (route.table === 'none') expect(variables.TABLE_NAME).toBeUndefined();
      else expect(variables.TABLE_NAME).toEqual(tableName());
    });

    it('writes logs to its own log group only', () => {
      const { fn } = routeFunction(built, routeId);
      const logStatements = statementsOf(routeId).filter((s) =>
        asList(s.Action).some((a) => a.startsWith('logs:')),
      );
      expect(logStatements).not.toHaveLength(0);
      for (const statement of logStatements) {
        expect(asList(statement.Resource)).toEqual([built.stateless.resolve(fn.logGroup.logGroupArn)]);
      }
    });
  });

  it('attaches no AWS managed policy to any role', () => {
    for (const role of Object.values(resourcesOf(built.statelessTemplate, 'AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns ?? []).toEqual([]);
    }
  });
});
