import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from './table-definition';

/**
 * Creates the single table from the shared definition (the same one the CDK
 * stateful stack reads), for DynamoDB Local and the tests. Idempotent: an
 * existing table is left as it is, and concurrent callers both succeed.
 * An existing table without the definition's local indexes cannot be fixed
 * in place (they are made with the table only), so that is a clear error
 * rather than a failing history query later.
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  opts: { stream?: boolean } = {},
): Promise<void> {
  try {
    await client.send(createTableCommand(tableName, opts.stream ?? true));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  const table = await waitUntilActive(client, tableName);
  const present = new Set((table.LocalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const missing = tableDefinition.localSecondaryIndexes.filter((index) => !present.has(index.name));
  if (missing.length > 0) {
    throw new Error(
      `table ${tableName} was created without the local index(es) ${missing.map((i) => i.name).join(', ')}; ` +
        'local indexes can only be made with the table: delete it (locally, its data folder) and start again',
    );
  }
  await addMissingGlobalIndexes(client, tableName, table);
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

/**
 * A table made before an index was defined (a local data folder kept from an
 * earlier version) gets it added in place, as a deployed table would.
 */
async function addMissingGlobalIndexes(
  client: DynamoDBClient,
  tableName: string,
  table: TableDescription,
): Promise<void> {
  const present = new Set((table.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of globalIndexes().filter((i) => !present.has(i.IndexName))) {
    const keys = index.KeySchema.map((key) => ({
      AttributeName: key.AttributeName,
      AttributeType: attributeTypes().get(key.AttributeName) ?? 'S',
    }));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: keys,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    await waitUntilActive(client, tableName);
  }
}

function attributeTypes(): Map<string, AttributeDefinition['AttributeType']> {
  const attributes = new Map<string, AttributeDefinition['AttributeType']>([
    [tableDefinition.partitionKey, 'S'],
    [tableDefinition.sortKey, 'S'],
  ]);
  for (const index of tableDefinition.globalSecondaryIndexes) {
    attributes.set(index.partitionKey, 'S');
    attributes.set(index.sortKey, index.numericSortKey ? 'N' : 'S');
  }
  for (const index of tableDefinition.localSecondaryIndexes) attributes.set(index.sortKey, 'S');
  return attributes;
}

function globalIndexes() {
  return tableDefinition.globalSecondaryIndexes.map((index) => ({
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  }));
}

function createTableCommand(tableName: string, stream: boolean): CreateTableCommand {
  const attributes = attributeTypes();
  const localIndexes = tableDefinition.localSecondaryIndexes.map((index) => ({
    IndexName: index.name,
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...index.projectedAttributes] },
  }));
  const indexes = globalIndexes();
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
    ...(localIndexes.length > 0 ? { LocalSecondaryIndexes: localIndexes } : {}),
    // Without a stream only for bulk benches: DynamoDB Local's writes slow down as its stream grows.
    ...(stream && {
      StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamView },
    }),
  });
}

async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<TableDescription> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return Table;
    if (Date.now() > deadline) throw new Error(`table ${tableName} not active after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
