import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoGenerationBudget } from '../../shared/adapters/dynamo/generation-budget';
import { globalGenerationsKey } from '../../shared/adapters/dynamo/keys';
import { GenerationBudgetExceededError } from '../../shared/ports/scenes';
import { createTestStore, type TestStore } from '../support/dynamodb';
import { uniqueId } from '../support/game-fixtures';

let db: TestStore;
let budget: DynamoGenerationBudget;
beforeAll(async () => {
  db = await createTestStore();
  budget = new DynamoGenerationBudget({ client: db.client, tableName: db.tableName });
});

const day = (offsetDays: number) => new Date(Date.UTC(2026, 11, 4 + offsetDays, 12));

describe('the daily generation budget', () => {
  it('stops a user at their daily limit, counting nothing refused, and starts afresh the next day', async () => {
    const userId = uniqueId('ada');
    const limits = { perUserDaily: 2, globalDaily: 1_000_000 };
    await budget.consume(userId, day(100), limits);
    await budget.consume(userId, day(100), limits);
    await expect(budget.consume(userId, day(100), limits)).rejects.toEqual(
      new GenerationBudgetExceededError('user'),
    );
    await budget.consume(userId, day(101), limits);
  });

  it('never passes the global limit, however many users race for the last generations', async () => {
    const limits = { perUserDaily: 5, globalDaily: 7 };
    const at = day(200 + Math.floor(Math.random() * 1000));
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => budget.consume(uniqueId('user'), at, limits)),
    );
    const granted = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(granted).toBe(7);
    for (const reason of refused) expect(reason).toEqual(new GenerationBudgetExceededError('global'));
    const { Item } = await db.doc.send(
      new GetCommand({ TableName: db.tableName, Key: globalGenerationsKey(at.toISOString().slice(0, 10)) }),
    );
    expect(Item?.generations).toBe(7);
  });
});
