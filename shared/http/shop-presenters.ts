import type * as z from 'zod';
import type { ItemBought } from '../app/buy-shop-item';
import type { MonsterAnswer, MonsterUpdated } from '../app/monster-use-cases';
import type { RewardRedeemed } from '../app/redeem-reward';
import type { RewardView } from '../app/shop-views';
import type { ShopItemView } from '../domain/shop/catalog';
import type { RedemptionPage } from '../ports/shop';
import type {
  itemBoughtResponseSchema,
  monsterResponseSchema,
  redeemedResponseSchema,
  redemptionsResponseSchema,
  rewardsResponseSchema,
  shopItemsResponseSchema,
} from './shop-schemas';

type Out<T extends z.ZodType> = z.infer<T>;

export function presentShopItems(items: ShopItemView[]): Out<typeof shopItemsResponseSchema> {
  return {
    items: items.map((i) => ({
      code: i.code,
      type: i.type,
      name: i.name,
      description: i.description,
      price_coins: i.priceCoins,
      requirement: i.requirement,
      is_unlocked: i.isUnlocked,
      is_equipped: i.isEquipped,
      can_unlock: i.canUnlock,
      ...(i.whyNot && { why_not: i.whyNot }),
    })),
  };
}

export function presentItemBought(b: ItemBought): Out<typeof itemBoughtResponseSchema> {
  return {
    duplicate: b.duplicate,
    event_id: b.eventId,
    code: b.code,
    coins_spent: b.coinsSpent,
    coins: b.coins,
  };
}

export function presentRewards(rewards: RewardView[]): Out<typeof rewardsResponseSchema> {
  return {
    rewards: rewards.map((r) => ({
      id: r.id,
      name: r.definition.name,
      description: r.definition.description,
      type: r.definition.type,
      cost_coins: r.definition.cost_coins,
      stock: r.definition.stock ?? null,
      remaining: r.remaining,
      per_user_limit: r.definition.per_user_limit ?? null,
      redeemed_by_me: r.redeemedByMe,
    })),
  };
}

export function presentRedeemed(r: RewardRedeemed): Out<typeof redeemedResponseSchema> {
  return {
    duplicate: r.duplicate,
    redemption_id: r.redemptionId,
    reward_id: r.rewardId,
    coins_spent: r.coinsSpent,
    coins: r.coins,
  };
}

export function presentRedemptions(page: RedemptionPage): Out<typeof redemptionsResponseSchema> {
  return {
    redemptions: page.redemptions.map((r) => ({
      id: r.id,
      reward_id: r.rewardId,
      cost_coins: r.costCoins,
      status: r.status,
      redeemed_at: r.redeemedAt,
    })),
    next_cursor: page.nextCursor,
  };
}

export function presentMonster(
  answer: MonsterAnswer | MonsterUpdated,
  sceneJobId?: string | null,
): Out<typeof monsterResponseSchema> {
  const { view } = answer;
  return {
    name: view.name,
    base_color: view.baseColor,
    customizations: view.customizations,
    scene_level: view.sceneLevel,
    scene_url: view.scene?.imageUrl ?? null,
    scene_thumbnails: view.scene?.thumbnails ?? null,
    xp: view.xp,
    next_milestone: view.nextMilestone && {
      scene_level: view.nextMilestone.sceneLevel,
      xp: view.nextMilestone.xp,
      xp_remaining: view.nextMilestone.xpRemaining,
    },
    progress_percent: view.progressPercent,
    version: answer.version,
    ...('needsSceneRegeneration' in answer && { needs_scene_regeneration: answer.needsSceneRegeneration }),
    ...(sceneJobId !== undefined && { scene_job_id: sceneJobId }),
  };
}
