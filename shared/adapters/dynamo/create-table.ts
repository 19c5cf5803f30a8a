import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from './table-definition';

/**
 * Creates the single table from the shared definition (the same one the CDK
 * stateful stack reads), for DynamoDB Local and the tests. Idempotent: an
 * existing table is left as it is, and concurrent callers both succeed.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(createTableCommand(tableName));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilActive(client, tableName);
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      }),
    );
  } catch (error) {
    // Enabling TTL twice is refused with "already enabled": that is the state we want.
    if (!(error instanceof Error && /already enabled/i.test(error.message))) throw error;
  }
}

function createTableCommand(tableName: string): CreateTableCommand {
  const attributes = new Map<string, AttributeDefinition['AttributeType']>([
    [tableDefinition.partitionKey, 'S'],
    [tableDefinition.sortKey, 'S'],
  ]);
  for (const index of tableDefinition.globalSecondaryIndexes) {
    attributes.set(index.partitionKey, 'S');
    attributes.set(index.sortKey, index.numericSortKey ? 'N' : 'S');
  }
  const indexes = tableDefinition.globalSecondaryIndexes.map((index) => ({
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  }));
  return new CreateTableCommand({
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType,
    })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ],
    ...(indexes.length > 0 ? { GlobalSecondaryIndexes: indexes } : {}),
    StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamView },
  });
}

async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    if (Date.now() > deadline) throw new Error(`table ${tableName} not active after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
