import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient } from '../../shared/adapters/dynamo/client';
import { ensureTable } from '../../shared/adapters/dynamo/create-table';
import { DynamoGameStore } from '../../shared/adapters/dynamo/game-store';

export interface TestStore {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  tableName: string;
  store: DynamoGameStore;
  endpoint: string;
}

/**
 * A fresh, uniquely named table (built from the shared table definition) on
 * the DynamoDB Local the tier's global setup started, with its own clients so
 * a test can attach middleware without affecting others.
 */
export async function createTestStore(opts: { stream?: boolean } = {}): Promise<TestStore> {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) {
    throw new Error('DYNAMODB_ENDPOINT is not set: run this file in the integration or api vitest project');
  }
  const client = createDynamoClient({ endpoint, region: 'us-east-1' });
  const doc = documentClient(endpoint);
  const tableName = `questline-test-${randomUUID()}`;
  await ensureTable(client, tableName, opts);
  return { client, doc, tableName, store: new DynamoGameStore({ client, tableName }), endpoint };
}

/**
 * A DocumentClient on DynamoDB Local, for tests and benches to seed and read
 * the table in plain values. The service itself sends through
 * plain-commands.ts on its one client (shared/adapters/dynamo/client.ts).
 */
export function documentClient(endpoint: string): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/**
 * The environment a handler's wiring reads at module load, pointed at a
 * test table: set it BEFORE importing handlers (as on a cold start), quiet
 * logs, and metrics off unless a test reads them.
 */
export function useTableEnv(
  table: { tableName: string; endpoint: string },
  opts: { metrics?: boolean } = {},
): void {
  process.env.TABLE_NAME = table.tableName;
  process.env.DYNAMODB_ENDPOINT = table.endpoint;
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = opts.metrics ? 'false' : 'true';
}
