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

/**
 * Client middleware that asks every request for `ReturnConsumedCapacity:
 * INDEXES` and records what came back: round trips and units (in total and
 * the secondary indexes' share), measured rather than assumed. Shared by the
 * integration tests and the bench.
 */
export function attachCapacityProbe(client: DynamoDBClient): CapacityProbe {
  const requests: ProbedRequest[] = [];
  const name = `capacityProbe-${Math.random().toString(36).slice(2)}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'INDEXES';
      const command = context.commandName ?? 'unknown';
      try {
        const result = await next(args);
        const reported = (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
        const all = Array.isArray(reported) ? reported : reported ? [reported] : [];
        const writes = (u: Units) => u.WriteCapacityUnits ?? (isRead(command) ? 0 : (u.CapacityUnits ?? 0));
        const indexes = all.flatMap((c) => [
          ...Object.values(c.LocalSecondaryIndexes ?? {}),
          ...Object.values(c.GlobalSecondaryIndexes ?? {}),
        ]);
        requests.push({
          command,
          readUnits: sum(all, (c) => c.ReadCapacityUnits ?? (isRead(command) ? (c.CapacityUnits ?? 0) : 0)),
          writeUnits: sum(all, writes),
          indexWriteUnits: sum(indexes, writes),
          failed: false,
        });
        return result;
      } catch (error) {
        requests.push({ command, readUnits: 0, writeUnits: 0, indexWriteUnits: 0, failed: true });
        throw error;
      }
    },
    { step: 'initialize', name },
  );
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
      client.middlewareStack.remove(name);
    },
  };
}

const isRead = (command: string) => /^(Get|BatchGet|Query|Scan|TransactGet)/.test(command);

function sum<T>(values: readonly T[], pick: (value: T) => number): number {
  return values.reduce((total, value) => total + pick(value), 0);
}
