import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as z from 'zod';
import { ValidationError } from '../../domain/errors';
import type { PurchaseState, Redemption, RedemptionPage, ShopStore } from '../../ports/shop';
import { batchGetConsistent, itemKeyId } from './batch-get';
import { parseItem, profileFromItem } from './items';
import {
  ownedItemCodeOf,
  ownedItemPrefix,
  profileKey,
  REDEMPTION_SK,
  redeemedCountKey,
  redeemedCountPrefix,
  redemptionPrefix,
  rewardStockKey,
  userPk,
} from './keys';
import { queryPage } from './plain-commands';

const redemptionItemSchema = z.object({
  pk: z.string(),
  sk: z.string(),
  event_id: z.string().min(1),
  created_at: z.string().min(1),
  reward_id: z.string().min(1),
  cost_coins: z.number().int().min(0),
  status: z.enum(['pending', 'fulfilled', 'cancelled']),
});

const redeemedSchema = z.object({ redeemed: z.number().int().min(0) });

/** Reads for the shop and the rewards; their writes ride in the outcome's transaction (game-store.ts). */
export class DynamoShopStore implements ShopStore {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;

  constructor(opts: { client: DynamoDBClient; tableName: string }) {
    this.client = opts.client;
    this.tableName = opts.tableName;
  }

  async loadPurchaseState(userId: string, rewardId?: string): Promise<PurchaseState> {
    const keys = [profileKey(userId), ...(rewardId ? [redeemedCountKey(userId, rewardId)] : [])];
    const [owned, found] = await Promise.all([
      this.listOwnedItems(userId),
      batchGetConsistent(this.client, this.tableName, keys),
    ]);
    const [profile, count] = keys;
    const profileItem = profile && found.get(itemKeyId(profile));
    const countItem = count && found.get(itemKeyId(count));
    return {
      profile: profileItem ? profileFromItem(profileItem) : null,
      subjectAlreadyDone: false,
      owned,
      redeemedCount: countItem ? parseItem(redeemedSchema.loose(), countItem).redeemed : 0,
    };
  }

  async listOwnedItems(userId: string): Promise<Set<string>> {
    const items = await this.allWithPrefix(userId, ownedItemPrefix, { consistent: true, keysOnly: true });
    return new Set(items.map((item) => ownedItemCodeOf(String(item.sk))));
  }

  async listRedeemedCounts(userId: string): Promise<Map<string, number>> {
    const items = await this.allWithPrefix(userId, redeemedCountPrefix, {
      consistent: false,
      keysOnly: false,
    });
    return new Map(
      items.map((item) => [
        String(item.sk).slice(redeemedCountPrefix.length),
        parseItem(redeemedSchema.loose(), item).redeemed,
      ]),
    );
  }

  /** Every item of the user's partition whose sort key starts with `prefix` (a handful: no paging for callers). */
  private async allWithPrefix(
    userId: string,
    prefix: string,
    opts: { consistent: boolean; keysOnly: boolean },
  ): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await queryPage(this.client, {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': userPk(userId), ':prefix': prefix },
        ...(opts.keysOnly && { ProjectionExpression: 'sk' }),
        ConsistentRead: opts.consistent,
        ExclusiveStartKey: start,
      });
      items.push(...page.Items);
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  async listRedemptions(userId: string, page: { limit: number; cursor?: string }): Promise<RedemptionPage> {
    const start = page.cursor === undefined ? undefined : decodeCursor(userId, page.cursor);
    const { Items, LastEvaluatedKey } = await queryPage(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': userPk(userId), ':prefix': redemptionPrefix },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: page.limit + 1,
      ExclusiveStartKey: start,
    });
    const redemptions: Redemption[] = Items.slice(0, page.limit).map((item) => {
      const r = parseItem(redemptionItemSchema, item);
      return {
        id: r.event_id,
        rewardId: r.reward_id,
        costCoins: r.cost_coins,
        status: r.status,
        redeemedAt: r.created_at,
      };
    });
    const lastItem = Items[Math.min(Items.length, page.limit) - 1];
    const more = Items.length > page.limit || LastEvaluatedKey !== undefined;
    return { redemptions, nextCursor: more && lastItem ? encodeCursor(userId, String(lastItem.sk)) : null };
  }

  async readRedeemedTotals(rewardIds: readonly string[]): Promise<Map<string, number>> {
    const totals = new Map<string, number>();
    if (rewardIds.length === 0) return totals;
    // A catalog holds a handful of rewards: one BatchGetItem.
    const found = await batchGetConsistent(this.client, this.tableName, rewardIds.map(rewardStockKey));
    for (const item of found.values()) {
      totals.set(String(item.pk).slice('REWARD#'.length), parseItem(redeemedSchema.loose(), item).redeemed);
    }
    return totals;
  }
}

// The position must be a redemption's sort key: anything longer would reach DynamoDB's 1 KB key limit as a 500.
const cursorSchema = z
  .object({ u: z.string().min(1).max(128), s: z.string().max(200).regex(REDEMPTION_SK) })
  .strict();

function encodeCursor(userId: string, sk: string): string {
  return Buffer.from(JSON.stringify({ u: userId, s: sk }), 'utf8').toString('base64url');
}

function decodeCursor(userId: string, cursor: string): Record<string, string> {
  const invalid = (message: string) => new ValidationError([{ field: 'cursor', message }]);
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalid('not a cursor returned by this endpoint');
  }
  if (parsed.u !== userId) throw invalid("belongs to another user's redemptions");
  return { pk: userPk(userId), sk: parsed.s };
}
