import { describe, expect, it } from 'vitest';
import { appliedActivityOf } from '../../shared/adapters/dynamo/applied-activity';
import { makeAdjustBalance } from '../../shared/app/adjust-balance';
import { makeRecordActivity } from '../../shared/app/record-activity';
import { createTestStore } from '../support/dynamodb';
import { activityFor, adjustmentFor, depsFor, scanAll, uniqueId } from '../support/game-fixtures';

/** Every event item of one user, as stored. */
async function eventItemsOf(test: Awaited<ReturnType<typeof createTestStore>>, userId: string) {
  const items = await scanAll(test.doc, test.tableName);
  return items.filter((item) => item.pk === `USER#${userId}` && String(item.sk).startsWith('EVENT#'));
}

describe('the inputs an activity was applied with, kept for replays of the past', () => {
  it('reads back an activity exactly as applied: type, instant, subject, amount and metadata', async () => {
    const test = await createTestStore();
    const userId = uniqueId('user');
    const activity = activityFor(userId, 'custom', {
      subjectId: 'essay-7',
      amount: 40,
      metadata: { score: 97, tags: ['grammar', 'style'], nested: { ok: true } },
    });
    await makeRecordActivity(depsFor(test.store))(activity);

    const [item] = await eventItemsOf(test, userId);
    expect(appliedActivityOf(item as Record<string, unknown>)).toEqual(activity);
  });

  it('adds nothing to the item of an activity without amount or metadata', async () => {
    const test = await createTestStore();
    const userId = uniqueId('user');
    const activity = activityFor(userId, 'quiz_completed');
    await makeRecordActivity(depsFor(test.store))(activity);

    const [item] = await eventItemsOf(test, userId);
    expect(item).not.toHaveProperty('amount');
    expect(item).not.toHaveProperty('metadata');
    expect(appliedActivityOf(item as Record<string, unknown>)).toEqual(activity);
  });

  it('has no activity for an adjustment', async () => {
    const test = await createTestStore();
    const userId = uniqueId('user');
    await makeAdjustBalance(depsFor(test.store))(adjustmentFor(userId, 50, 5));

    const [item] = await eventItemsOf(test, userId);
    expect(appliedActivityOf(item as Record<string, unknown>)).toBeNull();
  });
});
