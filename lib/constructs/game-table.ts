import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
  type TableProps,
} from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { STATS_PK } from '../../shared/adapters/dynamo/keys';
import { tableDefinition } from '../../shared/adapters/dynamo/table-definition';
import type { TableAccess } from '../../shared/table-access';

/**
 * Exactly the DynamoDB actions each access level needs. TransactWriteItems
 * and TransactGetItems have no IAM action of their own: they are authorised
 * per contained operation (Put, Update, ConditionCheck; Get). No Scan but
 * for the rules backfill, which walks every user; no Delete*, no table
 * management.
 */
export const tableActions: Record<Exclude<TableAccess, 'none'>, readonly string[]> = {
  'read-stats': ['dynamodb:Query'],
  'write-stats': ['dynamodb:UpdateItem'],
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  'read-write': [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:ConditionCheckItem',
  ],
  backfill: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:Scan',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:ConditionCheckItem',
  ],
};

export interface GameTableProps {
  deletionProtection: boolean;
}

/** The single table, built from the definition the local runtime also uses. */
export class GameTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: GameTableProps) {
    super(scope, id);
    const keyOf = (name: string, numeric = false) => ({
      name,
      type: numeric ? AttributeType.NUMBER : AttributeType.STRING,
    });
    const tableProps: TableProps = {
      partitionKey: keyOf(tableDefinition.partitionKey),
      sortKey: keyOf(tableDefinition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      stream: StreamViewType[tableDefinition.streamView],
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: props.deletionProtection,
      // The ledger is the product's record of value: never dropped with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    };
    this.table = new Table(this, 'Table', tableProps);
    for (const index of tableDefinition.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: keyOf(index.partitionKey),
        sortKey: keyOf(index.sortKey, index.numericSortKey),
      });
    }
    // Local indexes exist only if the table is created with them: adding one
    // to a deployed table means CloudFormation replaces the table.
    for (const index of tableDefinition.localSecondaryIndexes) {
      this.table.addLocalSecondaryIndex({
        indexName: index.name,
        sortKey: keyOf(index.sortKey),
        projectionType: ProjectionType.INCLUDE,
        nonKeyAttributes: [...index.projectedAttributes],
      });
    }
  }

  /**
   * Grants `fn` exactly what `access` needs on this table (and its indexes,
   * for Query) and sets TABLE_NAME, the env key the function's config parses.
   */
  grantFor(fn: LambdaFunction, access: TableAccess): void {
    if (access === 'none') return;
    if (access === 'read-stats' || access === 'write-stats') {
      // The statistics partition only: the condition holds every request to its partition key.
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: [...tableActions[access]],
          resources: [this.table.tableArn],
          conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [STATS_PK] } },
        }),
      );
      fn.addEnvironment('TABLE_NAME', this.table.tableName);
      return;
    }
    // Query on an index is authorised on the index's own ARN; each is named, no wildcard.
    const indexArns = [
      ...tableDefinition.globalSecondaryIndexes,
      ...tableDefinition.localSecondaryIndexes,
    ].map((index) => `${this.table.tableArn}/index/${index.name}`);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: [...tableActions[access]],
        resources: [this.table.tableArn, ...indexArns],
      }),
    );
    fn.addEnvironment('TABLE_NAME', this.table.tableName);
  }
}
