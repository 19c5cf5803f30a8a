import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoGameStore } from '../../shared/adapters/dynamo/game-store';
import {
  eventKey,
  type ItemKey,
  ownedItemKey,
  profileKey,
  redeemedCountKey,
  redemptionKey,
  rewardStockKey,
} from '../../shared/adapters/dynamo/keys';
import { DynamoMonsterStore } from '../../shared/adapters/dynamo/monster-store';
import { DynamoRateLimiter } from '../../shared/adapters/dynamo/rate-limiter';
import { DynamoShopStore } from '../../shared/adapters/dynamo/shop-store';
import { ledgerIndex } from '../../shared/adapters/dynamo/table-definition';
import { makeAdjustBalance } from '../../shared/app/adjust-balance';
import { makeBuyShopItem } from '../../shared/app/buy-shop-item';
import { makeRedeemReward } from '../../shared/app/redeem-reward';
import { attachCapacityProbe } from '../support/capacity-probe';
import { flatRules } from '../support/game-fixtures';
import { itemSizeBytes, localIndexEntryBytes, transactionWriteUnits } from '../support/item-size';

/**
 * Round trips and write units of (d) buying a shop item and (e) redeeming a
 * limited reward, each from its request to its committed transaction: the
 * rate-limit window (one UpdateItem, 1 unit while under 1 KB), the reads, and
 * the one transaction whose items are sized after the write.
 */
export async function reportPurchases(client: DynamoDBClient, doc: DynamoDBDocumentClient, table: string) {
  const store = new DynamoGameStore({ client, tableName: table });
  const deps = {
    store,
    rules: flatRules,
    clock: { now: () => new Date() },
    shop: new DynamoShopStore({ client, tableName: table }),
    monsters: new DynamoMonsterStore({ client, tableName: table }),
    rateLimiter: new DynamoRateLimiter({ client, tableName: table }),
  };
  const userId = 'bench-shopper';
  await makeAdjustBalance(deps)({ eventId: 'bench-grant', userId, xp: 0, coins: 10_000, reason: 'bench' });

  const buy = makeBuyShopItem(deps);
  await measure('(d) buying a shop item (hat_beanie)', async () => {
    const bought = await buy({ userId, code: 'hat_beanie', eventId: 'bench-buy' });
    return async () => [
      profileKey(userId),
      eventKey(userId, bought.eventId),
      ownedItemKey(userId, bought.code),
    ];
  });

  const redeem = makeRedeemReward(deps);
  await measure('(e) redeeming a limited reward (tutor_session: stock and per-user limit)', async () => {
    const redeemed = await redeem({ userId, rewardId: 'tutor_session', eventId: 'bench-redeem' });
    return async () => {
      const entry = (await store.findAppliedOutcome(userId, redeemed.redemptionId))?.entry;
      return [
        profileKey(userId),
        eventKey(userId, redeemed.redemptionId),
        redemptionKey(userId, entry?.recordedAt ?? '', redeemed.redemptionId),
        redeemedCountKey(userId, 'tutor_session'),
        rewardStockKey('tutor_session'),
      ];
    };
  });

  /** `act` makes the request under the probe, then names the items it wrote (read outside the probe). */
  async function measure(label: string, act: () => Promise<() => Promise<ItemKey[]>>) {
    const probe = attachCapacityProbe(client);
    const written = await act();
    probe.detach();
    const keys = await written();
    const { Responses } = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys } } }));
    const items = Responses?.[table] ?? [];
    const units = transactionWriteUnits(items);
    const indexBytes = items.map((item) => localIndexEntryBytes(item, ledgerIndex)).filter((b) => b > 0);
    const indexUnits = indexBytes.reduce((sum, bytes) => sum + Math.ceil(bytes / 1024), 0);
    const rateWindow = 1;
    console.log(`\n${label}`);
    console.log(
      `  round trips: ${probe.totals().roundTrips} (${probe.requests.map((r) => r.command).join(', ')})`,
    );
    console.log(
      `  write units by item size: ${units + indexUnits + rateWindow} to ${units + 2 * indexUnits + rateWindow}: ` +
        `transaction ${units} (${items.map((i) => `${String(i.sk).split('#')[0]} ${itemSizeBytes(i)} B`).join(', ')}) ` +
        `+ ledger index entry ${indexUnits} (${indexBytes.join(', ')} B) + rate-limit window ${rateWindow}`,
    );
  }
}
