import type { Template } from 'aws-cdk-lib/assertions';
import { tableDefinition } from '../../../shared/adapters/dynamo/table-definition';
import { resourcesOf } from './synth';

/** An IAM policy statement as CloudFormation holds it. */
export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
  Principal?: unknown;
}

/** A statement's Action or Resource, one or many, as a list. */
export const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every statement of every policy attached to the role with this logical id. */
export function statementsOfRole(template: Template, roleLogicalId: string): Statement[] {
  const roleRef = JSON.stringify({ Ref: roleLogicalId });
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === roleRef))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

/**
 * The resources a table grant names, resolved in the stack that holds the
 * grant: the table, then each of its indexes by its own ARN (global ones
 * first, as GameTable.grantFor lists them).
 */
export function tableGrantResources(
  stack: { resolve(value: unknown): unknown },
  tableArn: string,
): unknown[] {
  const indexes = [...tableDefinition.globalSecondaryIndexes, ...tableDefinition.localSecondaryIndexes];
  return [
    stack.resolve(tableArn),
    ...indexes.map((index) => stack.resolve(`${tableArn}/index/${index.name}`)),
  ];
}
