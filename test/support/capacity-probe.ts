import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** One request the SDK sent to DynamoDB, with the capacity DynamoDB reported for it. */
export interface ProbedRequest {
  command: string;
  readUnits: number;
  writeUnits: number;
  /** the part of writeUnits DynamoDB attributed to secondary indexes */
  indexWriteUnits: number;
  failed: boolean;
}

export interface CapacityProbe {
  readonly requests: readonly ProbedRequest[];
  totals(): { roundTrips: number; readUnits: number; writeUnits: number; indexWriteUnits: number };
  reset(): void;
  detach(): void;
}

interface Units {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

interface Capacity extends Units {
  LocalSecondaryIndexes?: Record<string, Units>;
  GlobalSecondaryIndexes?: Record<string, Units>;
}

/** What the probe needs of a command: its input, and the low-level command a DocumentClient one wraps. */
interface SentCommand {
  input: { ReturnConsumedCapacity?: string };
  clientCommand?: object;
}

type Send = (command: SentCommand, ...rest: unknown[]) => Promise<unknown>;

/**
 * Wraps the client's `send` (a middleware added after the first send would
 * not run: the client resolves its middleware once): every request asks for
 * `ReturnConsumedCapacity: INDEXES`, and what came back is recorded by the
 * command's name: round trips and units (in total and the secondary indexes'
 * share), measured rather than assumed. Shared by the integration tests and
 * the bench.
 */
export function attachCapacityProbe(client: DynamoDBClient): CapacityProbe {
  const requests: ProbedRequest[] = [];
  const record = async (command: SentCommand, send: () => Promise<unknown>) => {
    command.input.ReturnConsumedCapacity = 'INDEXES';
    const name = (command.clientCommand ?? command).constructor.name;
    try {
      const output = await send();
      const reported = (output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
      requests.push(measured(name, reported));
      return output;
    } catch (error) {
      requests.push({ command: name, readUnits: 0, writeUnits: 0, indexWriteUnits: 0, failed: true });
      throw error;
    }
  };
  const holder = client as unknown as { send: Send };
  const original = holder.send;
  holder.send = (command, ...rest) => record(command, () => original.call(client, command, ...rest));
  return {
    requests,
    totals: () => ({
      roundTrips: requests.length,
      readUnits: sum(requests, (r) => r.readUnits),
      writeUnits: sum(requests, (r) => r.writeUnits),
      indexWriteUnits: sum(requests, (r) => r.indexWriteUnits),
    }),
    reset: () => {
      requests.length = 0;
    },
    detach: () => {
      holder.send = original;
    },
  };
}

function measured(command: string, reported: Capacity | Capacity[] | undefined): ProbedRequest {
  const all = Array.isArray(reported) ? reported : reported ? [reported] : [];
  const writes = (u: Units) => u.WriteCapacityUnits ?? (isRead(command) ? 0 : (u.CapacityUnits ?? 0));
  const indexes = all.flatMap((c) => [
    ...Object.values(c.LocalSecondaryIndexes ?? {}),
    ...Object.values(c.GlobalSecondaryIndexes ?? {}),
  ]);
  return {
    command,
    readUnits: sum(all, (c) => c.ReadCapacityUnits ?? (isRead(command) ? (c.CapacityUnits ?? 0) : 0)),
    writeUnits: sum(all, writes),
    indexWriteUnits: sum(indexes, writes),
    failed: false,
  };
}

const isRead = (command: string) => /^(Get|BatchGet|Query|Scan|TransactGet)/.test(command);

function sum<T>(values: readonly T[], pick: (value: T) => number): number {
  return values.reduce((total, value) => total + pick(value), 0);
}
