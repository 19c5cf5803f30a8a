import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureTable } from '../../shared/adapters/dynamo/create-table';
import { ledgerIndex } from '../../shared/adapters/dynamo/table-definition';
import {
  ensureDynamoDbLocalJar,
  JavaMissingError,
  startDynamoDbLocal,
} from '../../shared/local/dynamodb-local';
import { createTestStore } from '../support/dynamodb';

describe('the table, created from the shared definition', () => {
  it('has the key schema, a NEW_IMAGE stream for the outbox and TTL on expires_at', async () => {
    const { client, tableName } = await createTestStore();

    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));

    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(ttl.TimeToLiveDescription).toMatchObject({
      AttributeName: 'expires_at',
      TimeToLiveStatus: 'ENABLED',
    });
  });

  it('has the ledger index: same partition key, sort key ledger_sk, projecting only the entry fields', async () => {
    const { client, tableName } = await createTestStore();

    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));

    expect(Table?.LocalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['ledger']);
    const [ledger] = Table?.LocalSecondaryIndexes ?? [];
    expect(ledger?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'ledger_sk', KeyType: 'RANGE' },
    ]);
    expect(ledger?.Projection?.ProjectionType).toBe('INCLUDE');
    expect([...(ledger?.Projection?.NonKeyAttributes ?? [])].sort()).toEqual(
      [...ledgerIndex.projectedAttributes].sort(),
    );
    expect(Table?.AttributeDefinitions).toContainEqual({ AttributeName: 'ledger_sk', AttributeType: 'S' });
  });

  it('refuses an existing table made without the ledger index, saying why, rather than failing history later', async () => {
    const { client } = await createTestStore();
    const tableName = `questline-old-${randomUUID()}`;
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );

    await expect(ensureTable(client, tableName)).rejects.toThrow(/without the local index\(es\) ledger/);
  });

  it('is created idempotently, even by concurrent callers', async () => {
    const { client, tableName } = await createTestStore();

    await Promise.all([ensureTable(client, tableName), ensureTable(client, tableName)]);

    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
  });
});

describe('DynamoDB Local management', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('finds the fetched jar without fetching again', async () => {
    const started = Date.now();

    const dir = await ensureDynamoDbLocalJar();

    expect(dir).toMatch(/\.dynamodb-local\/amplify-dynamodb-simulator-2\.9\.30$/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('explains a missing Java with the install command for each platform', async () => {
    process.env.PATH = '/nonexistent';

    const error = await startDynamoDbLocal({ inMemory: true }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(JavaMissingError);
    expect((error as Error).message).toContain('Java 17+');
    expect((error as Error).message).toContain('sudo apt-get install -y openjdk-17-jre-headless');
    expect((error as Error).message).toContain('brew install openjdk@17');
  });
});
