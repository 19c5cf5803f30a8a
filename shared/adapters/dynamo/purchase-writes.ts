import type { AppliedOutcome } from '../../domain/types';
import { isNew } from './conditions';
import { ownedItemKey, redeemedCountKey, redemptionKey, rewardStockKey } from './keys';
import type { TransactionRole } from './transaction-errors';
import type { PlainTransactItem as TransactItem } from './wire';

/**
 * The writes a purchase adds to its outcome's transaction, so that coins,
 * ownership, stock and the per-user count move together or not at all:
 * - ITEM#<code> per item bought, create-only (never owned twice);
 * - for a redemption: its record (REDEEM#...), create-only; the user's count
 *   of that reward, below the per-user limit; and the reward's stock counter,
 *   below the stock. A count's condition failing cancels everything.
 */
export function purchaseWrites(
  tableName: string,
  outcome: AppliedOutcome,
): { items: TransactItem[]; roles: TransactionRole[] } {
  const { userId, eventId, entry, purchase } = outcome;
  const items: TransactItem[] = [];
  const roles: TransactionRole[] = [];
  if (!purchase) return { items, roles };
  const created = { event_id: eventId, created_at: entry.recordedAt };
  for (const code of purchase.items) {
    roles.push('owned');
    items.push({
      Put: { TableName: tableName, Item: { ...ownedItemKey(userId, code), ...created }, ...isNew() },
    });
  }
  const redemption = purchase.redemption;
  if (redemption) {
    roles.push('redemption');
    items.push({
      Put: {
        TableName: tableName,
        Item: {
          ...redemptionKey(userId, entry.recordedAt, eventId),
          ...created,
          reward_id: redemption.rewardId,
          cost_coins: redemption.costCoins,
          status: 'pending',
        },
        ...isNew(),
      },
    });
    roles.push('user_limit');
    items.push(countBelow(tableName, redeemedCountKey(userId, redemption.rewardId), redemption.perUserLimit));
    if (redemption.stock !== undefined) {
      roles.push('stock');
      items.push(countBelow(tableName, rewardStockKey(redemption.rewardId), redemption.stock));
    }
  }
  return { items, roles };
}

/** +1 to a `redeemed` counter, only while it is below `limit` (no limit: always). */
function countBelow(
  tableName: string,
  key: { pk: string; sk: string },
  limit: number | undefined,
): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: key,
      UpdateExpression: 'ADD #redeemed :one',
      ExpressionAttributeNames: { '#redeemed': 'redeemed' },
      ExpressionAttributeValues: { ':one': 1, ...(limit !== undefined && { ':limit': limit }) },
      ...(limit !== undefined && {
        ConditionExpression: 'attribute_not_exists(#redeemed) OR #redeemed < :limit',
      }),
    },
  };
}
