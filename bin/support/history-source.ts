import { fileURLToPath } from 'node:url';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../../shared/adapters/dynamo/client';
import {
  type ReplayableHistory,
  readAllHistories,
  readHistoriesOf,
} from '../../shared/adapters/dynamo/history-reader';
import { LOCAL_REGION } from '../../shared/local/handler-env';
import { runningLocalService } from '../../shared/local/running-service';

/** The table the rules CLIs (what-if, backfill) read: a deployed one by name, or the running `npm start`'s. */
export async function historyTable(table: string | undefined) {
  if (table) return { client: createDynamoClient({}), tableName: table };
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  const info = await runningLocalService(repoRoot, 'give --table');
  return {
    client: createDynamoClient({ endpoint: info.dynamodb_endpoint, region: LOCAL_REGION }),
    tableName: info.table_name,
  };
}

export type HistoryTable = Awaited<ReturnType<typeof historyTable>>;

/** Named users with Query, or everyone with parallel Scan segments, with a progress bar on a terminal. */
export async function readHistories(
  target: HistoryTable,
  opts: { users?: readonly string[]; segments: number },
): Promise<ReplayableHistory[]> {
  const { Table } = await target.client.send(new DescribeTableCommand({ TableName: target.tableName }));
  const source = {
    client: target.client,
    tableName: target.tableName,
    segments: opts.segments,
    onProgress: progressBar(Table?.ItemCount ?? 0),
  };
  const histories = opts.users ? await readHistoriesOf(source, opts.users) : await readAllHistories(source);
  if (process.stderr.isTTY) process.stderr.write('\n');
  return histories;
}

/** A bar on stderr while reading, when stderr is a terminal (ItemCount is approximate on AWS). */
function progressBar(total: number): (read: number) => void {
  if (!process.stderr.isTTY) return () => {};
  return (read) => {
    const share = total > 0 ? Math.min(1, read / total) : 0;
    const filled = Math.round(share * 30);
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${read.toLocaleString('en-US')} items read`,
    );
  };
}
