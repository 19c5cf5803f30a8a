import { type CatalogItem, viewCatalog } from '../domain/achievements/views';
import type { UnlockStatsStore } from '../ports/game';
import type { Rules } from '../rules/schema';

export interface CatalogView {
  items: CatalogItem[];
  /** users with a profile: the whole that rarity percentages are shares of */
  users: number;
}

/**
 * GET /v1/achievements: the catalog, hidden ones masked, each with the share
 * of users who unlocked it. The counts come from the table's stream, so they
 * trail the unlocks by seconds (see UnlockStatsStore).
 */
export function makeListAchievements(deps: {
  rules: Rules;
  unlockStats: UnlockStatsStore;
}): () => Promise<CatalogView> {
  return async () => {
    const stats = await deps.unlockStats.readUnlockStats();
    return { items: viewCatalog(deps.rules, stats), users: stats.users };
  };
}
