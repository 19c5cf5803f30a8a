import { newProfile } from '../domain/profile';
import { type ShopItemView, viewShopItems } from '../domain/shop/catalog';
import type { RedemptionPage } from '../ports/shop';
import type { ItemType, RewardDefinition } from '../rules/shop-schema';
import type { ShopDeps } from './shop-deps';

export interface RewardView {
  id: string;
  definition: RewardDefinition;
  /** stock minus everyone's redemptions; null for unlimited */
  remaining: number | null;
  /** how many times this user redeemed it */
  redeemedByMe: number;
}

/** The reads of the shop routes: the catalog for a user, the rewards with their stock, a user's redemptions. */
export function makeShopViews(deps: ShopDeps) {
  return {
    /** GET /v1/shop/items: each item with price, requirement and whether this user has it, wears it, can buy it */
    async listItems(
      userId: string,
      filter: { type?: ItemType | 'consumable'; unlockedOnly?: boolean },
    ): Promise<ShopItemView[]> {
      const now = deps.clock.now();
      const [profile, owned, monster] = await Promise.all([
        deps.store.getProfile(userId),
        deps.shop.listOwnedItems(userId),
        deps.monsters.getMonster(userId),
      ]);
      const equipped = new Set(
        monster
          ? [
              monster.baseColor,
              ...monster.accessories,
              ...monster.clothing,
              ...monster.features,
              ...monster.patterns,
            ]
          : [deps.rules.shop.monster.default_color],
      );
      return viewShopItems(deps.rules, profile ?? newProfile(userId, now), { owned, equipped }, filter, now);
    },

    /** GET /v1/rewards: the rewards in catalog order, with what is left and what this user redeemed */
    async listRewards(userId: string): Promise<RewardView[]> {
      const rewards = Object.entries(deps.rules.shop.rewards).sort(
        ([a, x], [b, y]) => x.order - y.order || a.localeCompare(b),
      );
      const limited = rewards.filter(([, r]) => r.stock !== undefined).map(([id]) => id);
      const [totals, mine] = await Promise.all([
        deps.shop.readRedeemedTotals(limited),
        deps.shop.listRedeemedCounts(userId),
      ]);
      return rewards.map(([id, definition]) => ({
        id,
        definition,
        remaining:
          definition.stock === undefined ? null : Math.max(0, definition.stock - (totals.get(id) ?? 0)),
        redeemedByMe: mine.get(id) ?? 0,
      }));
    },

    /** GET /v1/me/redemptions: newest first, paged */
    listRedemptions(userId: string, page: { limit: number; cursor?: string }): Promise<RedemptionPage> {
      return deps.shop.listRedemptions(userId, page);
    },
  };
}
