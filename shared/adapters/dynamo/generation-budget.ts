import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type GenerationBudget,
  GenerationBudgetExceededError,
  type GenerationLimits,
} from '../../ports/scenes';
import { globalGenerationsKey, type ItemKey, userGenerationsKey } from './keys';
import { transactWrite } from './plain-commands';
import { cancellationReasons } from './transaction-errors';

/** A day's counters outlive the day by one, then expire. */
const KEEP_SECONDS = 2 * 24 * 60 * 60;
/** The global counter is shared: a concurrent generation may hold it for a moment. */
const CONFLICT_RETRIES = 5;

/**
 * Two counters per UTC day, the user's and everyone's, raised together in
 * one transaction, each only while under its limit: however many workflows
 * race, neither limit is ever passed, and a refused generation counts
 * nowhere. Generations are rare (a few per user per day), so one global
 * counter item is no hot spot.
 */
export class DynamoGenerationBudget implements GenerationBudget {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(opts: { client: DynamoDBClient; tableName: string }) {
    this.client = opts.client;
    this.tableName = opts.tableName;
  }

  async consume(userId: string, now: Date, limits: GenerationLimits): Promise<void> {
    const day = now.toISOString().slice(0, 10);
    const expiresAt = Math.floor(now.getTime() / 1000) + KEEP_SECONDS;
    const raise = (Key: ItemKey, limit: number) => ({
      Update: {
        TableName: this.tableName,
        Key,
        UpdateExpression: 'ADD generations :one SET expires_at = :expires',
        ConditionExpression: 'attribute_not_exists(generations) OR generations < :limit',
        ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':expires': expiresAt },
      },
    });
    for (let attempt = 1; ; attempt++) {
      try {
        await transactWrite(this.client, [
          raise(userGenerationsKey(userId, day), limits.perUserDaily),
          raise(globalGenerationsKey(day), limits.globalDaily),
        ]);
        return;
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (!reasons) throw error;
        if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new GenerationBudgetExceededError('user');
        if (reasons[1]?.Code === 'ConditionalCheckFailed') throw new GenerationBudgetExceededError('global');
        if (attempt >= CONFLICT_RETRIES || !reasons.some((r) => r.Code === 'TransactionConflict'))
          throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
      }
    }
  }
}
