import type { CatalogView } from '../app/list-achievements';
import type { InProgressView, MyAchievements } from '../domain/achievements/views';
import type { CatalogResponse, MyAchievementsResponse } from './achievement-schemas';

type InProgressResponse = MyAchievementsResponse['in_progress'][number];

export function presentCatalog({ items, users }: CatalogView): CatalogResponse {
  return {
    users,
    items: items.map((item) => ({
      id: item.id,
      name: item.name,
      description: item.description,
      category: item.category,
      rarity: item.rarity,
      kind: item.kind,
      hidden: item.hidden,
      unlocked_percent: item.unlockedPercent,
      ...(item.xp !== undefined && { xp: item.xp }),
      ...(item.coins !== undefined && { coins: item.coins }),
      ...(item.tiers && {
        tiers: item.tiers.map((t) => ({
          tier: t.tier,
          min: t.min,
          rarity: t.rarity,
          xp: t.xp,
          coins: t.coins,
          unlocked_percent: t.unlockedPercent,
        })),
      }),
    })),
  };
}

function presentInProgress(a: InProgressView): InProgressResponse {
  return {
    id: a.id,
    name: a.name,
    description: a.description,
    category: a.category,
    ...(a.nextTier && { next_tier: a.nextTier }),
    progress: { current: a.progress.current, target: a.progress.target, percent: a.progress.percent },
  };
}

export function presentMyAchievements(view: MyAchievements): MyAchievementsResponse {
  return {
    unlocked: view.unlocked.map((a) => ({
      id: a.id,
      name: a.name,
      description: a.description,
      category: a.category,
      rarity: a.rarity,
      ...(a.tier && { tier: a.tier }),
      times: a.times,
      unlocked_at: a.unlockedAt,
      last_unlocked_at: a.lastUnlockedAt,
    })),
    in_progress: view.inProgress.map(presentInProgress),
    closest: view.closest.map(presentInProgress),
  };
}
